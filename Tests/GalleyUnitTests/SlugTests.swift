import Testing
import GalleyExport

/// Checks the CMS file-name rule: lower-case ASCII words joined by "-", cut on a word boundary at 50 characters.
@Suite struct SlugTests {
    /// "support-the-russian-ukrainian-resistance-against" is 48 characters; "-accelerated" would make 60.
    @Test func englishTitleIsCutOnAWordBoundary() {
        let title = "Support the Russian-Ukrainian resistance against accelerated fascisation"
        #expect(Slug.make(title) == "support-the-russian-ukrainian-resistance-against")
        #expect(Slug.fileName(title: title, id: "9062") == "support-the-russian-ukrainian-resistance-against_a9062.pdf")
    }

    @Test func russianTitleIsTransliterated() {
        let slug = Slug.make("Профсоюзы России против войны")
        #expect(!slug.isEmpty)
        #expect(slug != "article")
        #expect(slug.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
        // Four words, each transliterated; "Rossii" is the same in every common romanisation.
        #expect(slug.split(separator: "-").count == 4)
        #expect(slug.contains("rossii"))
        #expect(slug.hasPrefix("prof"))
    }

    @Test func ukrainianTitleIsTransliterated() {
        let slug = Slug.make("Незалежні профспілки України")
        #expect(slug != "article")
        #expect(slug.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
        #expect(slug.split(separator: "-").count == 3)
    }

    @Test func frenchAccentsAreStripped() {
        #expect(Slug.make("Logement : la crise s’aggrave à Montréal, été 2025")
                == "logement-la-crise-s-aggrave-a-montreal-ete-2025")
        #expect(Slug.make("Grève générale à l’hôpital") == "greve-generale-a-l-hopital")
    }

    @Test func germanAndNordicLettersBecomeTheirUsualSpelling() {
        #expect(Slug.make("Straße der Ökonomie") == "strasse-der-okonomie")
        #expect(Slug.make("Cœur et Ærø") == "coeur-et-aero")
    }

    @Test(arguments: ["", "!!!", " — … ? ", "«»", "***  ///"])
    func titleWithoutLettersGivesArticle(title: String) {
        #expect(Slug.make(title) == "article")
        #expect(Slug.fileName(title: title, id: "12") == "article_a12.pdf")
    }

    @Test(arguments: [
        "Support the Russian-Ukrainian resistance against accelerated fascisation",
        "A a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a",
        "Antidisestablishmentarianism-and-pneumonoultramicroscopicsilicovolcanoconiosis",
        "Pneumonoultramicroscopicsilicovolcanoconiosisxxxxxxxxxxxxxxxxxxxxxx",
        "Forty-nine characters exactly here, then more words",
        "Профсоюзы России против войны и мобилизации: новая волна репрессий",
        "The end -",
        "12345678901234567890123456789012345678901234567890 1",
    ])
    func slugIsShortAndNeverEndsWithAHyphen(title: String) {
        let slug = Slug.make(title)
        #expect(slug.count <= Slug.maximumLength)
        #expect(!slug.isEmpty)
        #expect(!slug.hasSuffix("-"))
        #expect(!slug.hasPrefix("-"))
        #expect(!slug.contains("--"))
        #expect(slug.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
    }

    /// The cut keeps whole words: the slug is a prefix of the uncut word sequence ending at a word end.
    @Test func cutKeepsWholeWords() {
        let slug = Slug.make("one two three four five six seven eight nine ten eleven twelve thirteen")
        #expect(slug == "one-two-three-four-five-six-seven-eight-nine-ten")
        #expect(slug.count == 48)
    }

    @Test func singleOverlongWordIsTruncatedToTheLimit() {
        let word = String(repeating: "abcdefghij", count: 7)
        #expect(Slug.make(word) == String(word.prefix(50)))
    }
}

import Foundation

/// The CMS's file-name rule: title as lower-case ASCII words joined by `-`, cut on a word boundary, then `_a<id>.pdf`.
public enum Slug {
    /// The longest slug before the id suffix, as the CMS cuts it.
    public static let maximumLength = 50

    /// The slug of `title`: non-Latin scripts are transliterated, accents dropped.
    public static func make(_ title: String) -> String {
        // An ASCII title needs no transliteration: opening ICU's transliterators costs a few milliseconds, a fifth
        // of a cold render's budget.
        let ascii = title.utf8.allSatisfy { $0 < 0x80 }
        let plain: String
        if ascii {
            // Nor does it hold the letters replaced below, and each replacement is a Foundation string search.
            plain = title.lowercased()
        } else {
            let latin = title.applyingTransform(.toLatin, reverse: false) ?? title
            plain = (latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin)
                .replacingOccurrences(of: "ß", with: "ss").replacingOccurrences(of: "æ", with: "ae")
                .replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "Æ", with: "AE")
                .replacingOccurrences(of: "Œ", with: "OE").replacingOccurrences(of: "ø", with: "o")
                .lowercased()
        }
        let words = plain.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
        var slug = ""
        for word in words {
            let candidate = slug.isEmpty ? word : slug + "-" + word
            if candidate.count > maximumLength {
                if slug.isEmpty { slug = String(word.prefix(maximumLength)) }
                break
            }
            slug = candidate
        }
        return slug.isEmpty ? "article" : slug
    }

    /// The PDF file name for an article: `slug_a<id>.pdf`.
    public static func fileName(title: String, id: String) -> String {
        "\(make(title))_a\(id).pdf"
    }
}

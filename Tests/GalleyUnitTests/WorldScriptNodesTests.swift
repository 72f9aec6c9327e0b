import Foundation
import Testing
import GalleyLayout
import GalleyModel
import GalleyStyle

/// The fixed-width shaper with a small analyzer: letters of Hebrew and Arabic are right to left, digits and Latin
/// letters left to right, other characters take the paragraph's level; lines may break before any CJK character
/// that is not closing punctuation, and after none that is opening punctuation (the kinsoku rules UAX #14 encodes).
final class AnalyzingShaper: TextShaper, TextAnalyzer {
    let shaper = FixedWidthShaper()
    private(set) var directions: [String: TextDirection] = [:]

    func shape(_ text: String, font: FontRequest, language: String, direction: TextDirection) -> [GlyphRun] {
        directions[text] = direction
        var runs = shaper.shape(text, font: font, language: language, direction: direction)
        if direction == .rightToLeft { runs = runs.map { var run = $0; run.isRightToLeft = true; return run } }
        return runs
    }

    func metrics(of font: FontRequest) -> FontMetrics { shaper.metrics(of: font) }

    func embeddingLevels(of text: String, direction: TextDirection) -> [UInt8] {
        let base: UInt8 = direction == .rightToLeft ? 1 : 0
        return text.unicodeScalars.map { scalar in
            if Script.of(scalar)?.isRightToLeft == true { return 1 }
            if ("0"..."9").contains(scalar) || Script.of(scalar) == .latin { return base == 1 ? 2 : 0 }
            return base
        }
    }

    func lineBreakOpportunities(in text: String, language: String) -> [Bool] {
        let scalars = Array(text.unicodeScalars)
        let closing: Set<Unicode.Scalar> = ["、", "。", "」", "）"]
        let opening: Set<Unicode.Scalar> = ["「", "（"]
        let grid: (Unicode.Scalar) -> Bool = { Script.isIdeographic($0) || closing.contains($0) || opening.contains($0) }
        return scalars.indices.map { index in
            guard index > 0 else { return false }
            if closing.contains(scalars[index]) || opening.contains(scalars[index - 1]) { return false }
            return grid(scalars[index]) || grid(scalars[index - 1])
        }
    }
}

@Suite struct WorldScriptNodesTests {
    static let font = FontRequest(family: "Fixed", size: 10)

    static func nodes(_ text: String, language: String, direction: TextDirection = .leftToRight,
                      alignment: Alignment = .justify) throws -> (nodes: [Node], shaper: AnalyzingShaper) {
        let shaper = AnalyzingShaper()
        let builder = NodeListBuilder(shaper: shaper, hyphenator: NoHyphenation(), parameters: try NodeListBuilderTests.parameters())
        var paragraph = ParagraphSpec(runs: [StyledText(text, font: font, style: TextStyle(), language: language, hyphenate: true)],
                                      leading: 12, alignment: alignment, fontSize: 10)
        paragraph.direction = direction
        return (builder.nodes(for: paragraph), shaper)
    }

    /// Japanese: one box per character, stretchable glue between them (0.1 em), a forbidden break before 。 and after
    /// 「, and a break (no added space) between closing punctuation and a Latin letter.
    @Test func japaneseBreaksBetweenCharactersButNotBeforeClosingPunctuation() throws {
        let (nodes, _) = try Self.nodes("日本「語」です。A", language: "ja")
        let shapes = NodeListBuilderTests.shapes(nodes)
        #expect(shapes == ["H5", "G0+1-0", "H5", "G0+1-0", "H5", "P10000", "G0+1-0", "H5", "P10000", "G0+1-0", "H5",
                           "G0+1-0", "H5", "G0+1-0", "H5", "P10000", "G0+1-0", "H5", "G0+1-0", "H5"] + NodeListBuilderTests.end)
        #expect(nodes.compactMap(NodeListBuilderTests.text) == ["日", "本", "「", "語", "」", "で", "す", "。", "A"])
    }

    /// A quarter em of space between a kanji and a Latin letter or digit written against it.
    @Test func ideographsAndLatinGetAQuarterEm() throws {
        let (nodes, _) = try Self.nodes("本A", language: "ja")
        #expect(NodeListBuilderTests.shapes(nodes) == ["H5", "G2.5+1.25-0.625", "H5"] + NodeListBuilderTests.end)
    }

    /// Latin text in a Japanese paragraph keeps its word spaces and breaks only there.
    @Test func latinWordsInsideJapaneseKeepTheirSpaces() throws {
        let (nodes, _) = try Self.nodes("日本 open source です", language: "ja")
        let texts = nodes.compactMap(NodeListBuilderTests.text)
        #expect(texts == ["日", "本", "open", "source", "で", "す"])
        #expect(NodeListBuilderTests.shapes(nodes).filter { $0.hasPrefix("G3") }.count == 3)
    }

    /// An Arabic paragraph: every box and space at level 1, the digits at level 2, shaped right to left and left to
    /// right respectively; the paragraph's fill glue sits at the paragraph's level.
    @Test func arabicWordsAndNumbersGetTheirLevels() throws {
        let (nodes, shaper) = try Self.nodes("عام 2025 هنا", language: "ar", direction: .rightToLeft)
        var levels: [UInt8] = []
        for node in nodes {
            switch node {
            case .box(let box): levels.append(box.level)
            case .glue(let glue): levels.append(glue.level)
            default: break
            }
        }
        #expect(levels == [1, 1, 2, 1, 1, 1])
        #expect(shaper.directions["عام"] == .rightToLeft)
        #expect(shaper.directions["2025"] == .leftToRight)
    }

    /// UAX #9's rule L2 on a line's levels.
    @Test func visualOrderReversesRunsFromTheHighestLevelDown() {
        #expect(LineAssembler.visualOrder([0, 0, 1, 1, 0]) == [0, 1, 3, 2, 4])
        #expect(LineAssembler.visualOrder([1, 1, 2, 2, 1]) == [4, 2, 3, 1, 0])
        #expect(LineAssembler.visualOrder([0, 0, 0]) == [0, 1, 2])
        #expect(LineAssembler.visualOrder([2, 2]) == [0, 1], "even levels alone stay in order")
    }

    /// A right-to-left line: the first word read is drawn rightmost, the number reads left to right, and a ragged
    /// right-aligned line ends at the measure.
    @Test func rightToLeftLinesAreSetFromTheRight() throws {
        let (nodes, _) = try Self.nodes("אב 12 גד", language: "he", direction: .rightToLeft, alignment: .right)
        let breaks = [LineBreak(position: nodes.count - 1, ratio: 0, hyphenated: false)]
        let line = LineAssembler().assemble(nodes, breaks: breaks, widths: LineWidths(100), alignment: .right,
                                            hangingPunctuation: false, direction: .rightToLeft)[0]
        func x(of text: String) -> Double? { line.runs.first { $0.run.text.contains(text) }?.x }
        let first = try #require(x(of: "אב")), number = try #require(x(of: "12")), last = try #require(x(of: "גד"))
        #expect(first > number && number > last, "the first word read is rightmost, the last leftmost")
        let right = line.runs.map { $0.x + $0.run.width }.max() ?? 0
        #expect(abs(right - 100) < 0.001, "the line ends at the right edge of the measure")
    }
}

@Suite struct WritingSystemTests {
    @Test func scriptsOfCharacters() {
        #expect(Script.of("a") == .latin && Script.of("Ж") == .cyrillic && Script.of("ع") == .arabic && Script.of("ש") == .hebrew)
        #expect(Script.of("क") == .devanagari && Script.of("ก") == .thai && Script.of("中") == .han && Script.of("한") == .han)
        #expect(Script.of("1") == nil && Script.of("、") == nil && Script.of(" ") == nil)
        #expect(Script.isIdeographic("中") && Script.isIdeographic("か") && !Script.isIdeographic("한") && !Script.isIdeographic("a"))
    }

    @Test func languageTagsGiveScriptDirectionAndHanForm() {
        #expect(LanguageTag("ar").direction == .rightToLeft && LanguageTag("fa-IR").direction == .rightToLeft)
        #expect(LanguageTag("he").direction == .rightToLeft && LanguageTag("en").direction == .leftToRight)
        #expect(LanguageTag("sr-Latn").script == .latin && LanguageTag("sr").script == .cyrillic)
        #expect(LanguageTag("zh-TW").hanVariant == "zh-Hant" && LanguageTag("zh").hanVariant == "zh-Hans")
        #expect(LanguageTag("zh-Hant-HK").hanVariant == "zh-Hant" && LanguageTag("ja").hanVariant == "ja")
        #expect(LanguageTag("en").hanVariant == nil)
    }

    @Test func fontStacksChooseByScriptAndLanguage() {
        let stack = FontStack(primary: "Serif", scripts: ["arabic": "Naskh", "han": "CJK SC", "han-ja": "CJK JP", "han-zh-Hant": "CJK TC"])
        #expect(stack.families(for: .latin, language: "en") == ["Serif"])
        #expect(stack.families(for: .arabic, language: "en") == ["Naskh", "Serif"])
        #expect(stack.families(for: nil, language: "ar") == ["Naskh", "Serif"], "Arabic digits and punctuation from the Arabic face")
        #expect(stack.families(for: .han, language: "ja") == ["CJK JP", "Serif"])
        #expect(stack.families(for: .han, language: "zh-TW") == ["CJK TC", "Serif"])
        #expect(stack.families(for: .han, language: "en") == ["CJK SC", "Serif"])
        #expect(stack.families(for: .latin, language: "ja") == ["Serif"], "Latin words in Japanese keep the Latin face")
        #expect(FontStack.isValidKey("han-zh-Hant") && FontStack.isValidKey("arabic") && !FontStack.isValidKey("klingon"))
        for valid in ["han-ja", "han-yue-HK", "latin-de-1996", "han-zh-Hant-TW"] { #expect(FontStack.isValidKey(valid), "\(valid)") }
        for invalid in ["han-j", "han-japn", "han-zh-", "han-zh-H", "han-zh-abcdefghi", "han-zh--TW", "han-z1", "han-zh-Hänt", "han-"] {
            #expect(!FontStack.isValidKey(invalid), "\(invalid)")
        }
    }

    @Test func labelTemplatesAndLists() {
        let english = BuiltInLabels.all["en"]!
        #expect(Labels.fill(english.byline, ["authors": english.list(["A", "B", "C"])]) == "by A, B and C")
        #expect(Labels.fill("{page}/{pages} {unknown}", ["page": "1", "pages": "2"]) == "1/2 {unknown}")
    }

    /// The pieces of analysed words (a Chinese sentence's characters, an Arabic word's digits) come from the word
    /// cache when met again: a builder that has set the paragraphs before gives the nodes a new builder gives.
    @Test func cachedPiecesAreTheNodesOfAFreshBuilder() throws {
        let paragraphs: [(String, String, TextDirection)] = [
            ("我们在2025年成立了工会，「快递骑手」也加入了。", "zh", .leftToRight),
            ("労働者は「介護」の現場で働いている。", "ja", .leftToRight),
            ("في عام 2025 تأسست النقابة، ونحن هنا.", "ar", .rightToLeft),
            ("Workers（労働者）met in 2025.", "en", .leftToRight),
        ]
        let parameters = try NodeListBuilderTests.parameters()
        let seasoned = NodeListBuilder(shaper: AnalyzingShaper(), hyphenator: NoHyphenation(), parameters: parameters)
        for round in 0..<3 {
            for (text, language, direction) in paragraphs {
                var paragraph = ParagraphSpec(runs: [StyledText(text, font: WorldScriptNodesTests.font, style: TextStyle(), language: language, hyphenate: true)],
                                              leading: 12, alignment: .justify, fontSize: 10)
                paragraph.direction = direction
                let fresh = NodeListBuilder(shaper: AnalyzingShaper(), hyphenator: NoHyphenation(), parameters: parameters)
                let expected = fresh.nodes(for: paragraph)
                #expect(expected.count > 10)
                #expect(seasoned.nodes(for: paragraph) == expected, "round \(round): \(text)")
            }
        }
    }
}

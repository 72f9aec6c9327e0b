import Foundation
import Testing
import GalleyLayout
import GalleyModel
import GalleyStyle

/// A shaper where every character is 5 points wide and the word space 3 points.
final class FixedWidthShaper: TextShaper {
    static let face = FontFace(file: "/fake/Fixed.ttf", index: 0, postScriptName: "Fixed")
    private(set) var shapedTexts: [String] = []

    func shape(_ text: String, font: FontRequest, language: String, direction: TextDirection) -> [GlyphRun] {
        shapedTexts.append(text)
        var glyphs: [Glyph] = []
        var cluster = 0
        for character in text {
            glyphs.append(Glyph(id: character == " " ? 3 : 1, advance: character == " " ? 3 : 5, cluster: cluster))
            cluster += character.utf8.count
        }
        return [GlyphRun(face: Self.face, size: font.size, text: text, glyphs: glyphs)]
    }

    func metrics(of font: FontRequest) -> FontMetrics {
        FontMetrics(ascent: 8, descent: 2, capHeight: 7,
                    space: GlyphRun(face: Self.face, size: font.size, text: " ", glyphs: [Glyph(id: 3, advance: 3, cluster: 0)]))
    }
}

/// A hyphenator with a fixed word list, recording the words it is asked about.
final class ListHyphenator: Hyphenator {
    let points: [String: [Int]]
    private(set) var asked: [String] = []

    init(_ points: [String: [Int]]) { self.points = points }

    func hyphenationPoints(in word: String, language: String) -> [Int] {
        asked.append(word)
        return points[word] ?? []
    }
}

/// Checks the boxes, glue, penalties and discretionaries built from text, with a fixed-width fake shaper.
@Suite struct NodeListBuilderTests {
    static let font = FontRequest(family: "Fixed", size: 10)

    static func parameters(hangingPunctuation: Bool = false) throws -> LineBreakingParameters {
        let json = """
            {"algorithm": "knuth-plass", "pretolerance": 100, "tolerance": 200, "hyphenPenalty": 50, "linePenalty": 10,
             "doubleHyphenDemerits": 10000, "finalHyphenDemerits": 5000, "adjacentFitnessDemerits": 10000,
             "spaceStretch": 0.5, "spaceShrink": 0.25, "minimumWordLength": 5, "hangingPunctuation": \(hangingPunctuation)}
            """
        return try JSONDecoder().decode(LineBreakingParameters.self, from: Data(json.utf8))
    }

    static func nodes(_ texts: [String?], alignment: Alignment = .justify, hyphenate: Bool = true, indent: Double = 0,
                      hyphenator: any Hyphenator = NoHyphenation(), hangingPunctuation: Bool = false) throws -> [Node] {
        let builder = NodeListBuilder(shaper: FixedWidthShaper(), hyphenator: hyphenator,
                                      parameters: try parameters(hangingPunctuation: hangingPunctuation))
        let runs = texts.map { text in
            text.map { StyledText($0, font: font, style: TextStyle(), language: "en", hyphenate: hyphenate) }
                ?? StyledText.lineBreak(font: font, style: TextStyle(), language: "en")
        }
        return builder.nodes(for: ParagraphSpec(runs: runs, leading: 12, alignment: alignment, firstLineIndent: indent, fontSize: 10))
    }

    /// A compact form with plain numbers: `H5`, `G3+1.5-0.75`, `P50f`, `D5/50`.
    static func shapes(_ nodes: [Node]) -> [String] {
        func number(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
        return nodes.map { node in
            switch node {
            case .box(let box): return "H" + number(box.width)
            case .glue(let glue): return "G\(number(glue.width))+\(number(glue.stretch))-\(number(glue.shrink))"
            case .penalty(let penalty):
                return "P\(number(penalty.cost))\(penalty.flagged ? "f" : "")" + (penalty.width != 0 ? "w\(number(penalty.width))" : "")
            case .discretionary(let discretionary): return "D\(number(discretionary.preBreakWidth))/\(number(discretionary.penalty))"
            case .kern(let width): return "K" + number(width)
            }
        }
    }

    static let end = ["P10000", "G0+100000-0", "P-10000"]

    static func text(_ node: Node) -> String? {
        if case .box(let box) = node { return box.run?.text }
        return nil
    }

    /// Justified: the space is glue of the shaped width 3, stretching by 0.5 × 3 and shrinking by 0.25 × 3;
    /// the paragraph ends with TeX's `\parfillskip` between a forbidden and a forced break.
    @Test func justifiedWordsAndSpace() throws {
        let nodes = try Self.nodes(["a b"])
        #expect(Self.shapes(nodes) == ["H5", "G3+1.5-0.75", "H5"] + Self.end)
        #expect(nodes.compactMap(Self.text) == ["a", "b"])
        if case .glue(let glue) = nodes[1] {
            #expect(glue.space?.text == " ", "the space keeps its glyph so copied text has it")
        }
    }

    @Test func spacesAreCollapsedAndTrimmed() throws {
        #expect(Self.shapes(try Self.nodes(["  a   b  "])) == ["H5", "G3+1.5-0.75", "H5"] + Self.end)
        #expect(Self.shapes(try Self.nodes(["a\tb\nc"])) == ["H5", "G3+1.5-0.75", "H5", "G3+1.5-0.75", "H5"] + Self.end)
    }

    @Test func firstLineIndentIsAnEmptyBox() throws {
        let nodes = try Self.nodes(["ab"], indent: 12)
        #expect(Self.shapes(nodes) == ["H12", "H10"] + Self.end)
        if case .box(let indent) = nodes[0] { #expect(indent.run == nil) }
    }

    /// Ragged right after Knuth and Plass: stretch 3 × size at each possible line end, cancelled by
    /// negative stretch after the break point, so unbroken lines keep natural spaces.
    @Test func raggedSpaceCarriesItsStretchOnlyAtALineEnd() throws {
        let nodes = try Self.nodes(["a b"], alignment: .left)
        #expect(Self.shapes(nodes) == ["H5", "G0+30-0", "P0", "G3+-30-0", "H5"] + Self.end)
    }

    @Test func noBreakSpaceGivesAnInfinitePenalty() throws {
        let nodes = try Self.nodes(["a\u{00A0}b"])
        #expect(Self.shapes(nodes) == ["H5", "P10000", "G3+1.5-0.75", "H5"] + Self.end)
        // No legal break between the two words: the penalty forbids one, and glue after a penalty is no break.
        #expect(!(1...2).contains { LineCheck.isLegalBreak(nodes, $0) })
        let ragged = try Self.nodes(["a\u{00A0}b"], alignment: .left)
        #expect(Self.shapes(ragged) == ["H5", "P10000", "G3+0-0", "H5"] + Self.end)
    }

    @Test func softHyphenMakesADiscretionary() throws {
        let nodes = try Self.nodes(["hy\u{00AD}phen"], hyphenate: false)
        #expect(Self.shapes(nodes) == ["H10", "D5/50", "H20"] + Self.end)
        #expect(nodes.compactMap(Self.text) == ["hy", "phen"], "the soft hyphen itself is not drawn")
        guard case .discretionary(let discretionary) = nodes[1] else { return }
        #expect(discretionary.postBreak.isEmpty && discretionary.noBreak.isEmpty)
        // Drawn as a hyphen, copied as a soft hyphen.
        #expect(discretionary.preBreak.first?.run?.text == "\u{00AD}")
        #expect(discretionary.preBreak.first?.run?.glyphs.count == 1)
    }

    @Test func softHyphensOverrideTheDictionary() throws {
        let hyphenator = ListHyphenator(["hyphenation": [2, 6]])
        let nodes = try Self.nodes(["hyphen\u{00AD}ation"], hyphenator: hyphenator)
        #expect(Self.shapes(nodes) == ["H30", "D5/50", "H25"] + Self.end)
        #expect(hyphenator.asked.isEmpty)
    }

    /// "Russian-" is 8 characters (40), "Ukrainian" 9 (45): a break after the hyphen costs the hyphen
    /// penalty and is flagged, since the line then ends with a hyphen; nothing is added at the break.
    @Test func explicitHyphenGivesAFlaggedPenaltyAfterIt() throws {
        let nodes = try Self.nodes(["Russian-Ukrainian"])
        #expect(Self.shapes(nodes) == ["H40", "P50f", "H45"] + Self.end)
        #expect(nodes.compactMap(Self.text) == ["Russian-", "Ukrainian"])
    }

    @Test func leadingOrTrailingHyphensDoNotSplit() throws {
        #expect(Self.shapes(try Self.nodes(["-ab"])) == ["H15"] + Self.end)
        #expect(Self.shapes(try Self.nodes(["ab-"])) == ["H15"] + Self.end)
        #expect(Self.shapes(try Self.nodes(["1-2"])) == ["H10", "P50f", "H5"] + Self.end)
    }

    @Test func dashesSplitLikeHyphens() throws {
        #expect(Self.shapes(try Self.nodes(["war\u{2014}peace"])) == ["H20", "P50f", "H25"] + Self.end)
    }

    @Test func dictionaryPointsBecomeDiscretionaries() throws {
        let hyphenator = ListHyphenator(["hyphenation": [2, 6]])
        let nodes = try Self.nodes(["hyphenation,"], hyphenator: hyphenator)
        // hy | phen | ation, — the comma stays with the last piece.
        #expect(Self.shapes(nodes) == ["H10", "D5/50", "H20", "D5/50", "H30"] + Self.end)
        #expect(nodes.compactMap(Self.text) == ["hy", "phen", "ation,"])
        #expect(hyphenator.asked == ["hyphenation"])
    }

    @Test func shortWordsAndUnhyphenatedRunsAreNotOffered() throws {
        let hyphenator = ListHyphenator(["word": [2], "hyphenation": [2, 6]])
        let short = try Self.nodes(["word"], hyphenator: hyphenator)
        #expect(Self.shapes(short) == ["H20"] + Self.end)
        #expect(hyphenator.asked.isEmpty, "four letters are under the minimum word length of five")
        let off = try Self.nodes(["hyphenation"], hyphenate: false, hyphenator: hyphenator)
        #expect(Self.shapes(off) == ["H55"] + Self.end)
        #expect(hyphenator.asked.isEmpty)
    }

    @Test func acronymsAndCamelCaseAreNotHyphenated() throws {
        let hyphenator = ListHyphenator(["NATIONAL": [3], "iPhones": [3], "National": [3]])
        #expect(Self.shapes(try Self.nodes(["NATIONAL"], hyphenator: hyphenator)) == ["H40"] + Self.end)
        #expect(Self.shapes(try Self.nodes(["iPhones"], hyphenator: hyphenator)) == ["H35"] + Self.end)
        // A capitalised word is an ordinary word.
        #expect(Self.shapes(try Self.nodes(["National"], hyphenator: hyphenator)) == ["H15", "D5/50", "H25"] + Self.end)
    }

    @Test func forcedLineBreakEndsTheLineWithFill() throws {
        let nodes = try Self.nodes(["a ", nil, "b"])
        #expect(Self.shapes(nodes) == ["H5", "G0+100000-0", "P-10000", "H5"] + Self.end)
    }

    /// With hanging punctuation, a final full stop may hang 0.7 of its width (5) into the margin.
    @Test func hangingPunctuationMeasuresProtrusion() throws {
        let nodes = try Self.nodes(["end."], hangingPunctuation: true)
        guard case .box(let box) = nodes[0] else {
            Issue.record("expected a box")
            return
        }
        #expect(abs(box.protrusionRight - 3.5) < 1e-9)
        #expect(box.protrusionLeft == 0)
        let plain = try Self.nodes(["end."], hangingPunctuation: false)
        if case .box(let unhung) = plain[0] { #expect(unhung.protrusionRight == 0) }
    }

    /// The built list is a valid paragraph for the breakers: it ends with a forced break and sets.
    @Test func builtListBreaksIntoLines() throws {
        let text = "Support the Russian-Ukrainian resistance against accelerated fascisation, now more than ever."
        let nodes = try Self.nodes([text])
        let breaks = KnuthPlassLineBreaker().breakLines(nodes, widths: LineWidths(150), parameters: BreakParameters())
        #expect(breaks.last?.position == nodes.count - 1)
        let lines = LineCheck.lines(nodes, breaks: breaks.map(\.position))
        #expect(lines.allSatisfy { !$0.isOverfull(150) })
        #expect(lines.reduce(0) { $0 + $1.boxes } == nodes.filter { if case .box = $0 { true } else { false } }.count)
    }
}

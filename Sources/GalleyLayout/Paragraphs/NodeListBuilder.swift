import Foundation
import GalleyStyle

/// Turns a paragraph's styled runs into boxes, glue, penalties and discretionary hyphens.
///
/// One builder serves one thread: it owns a cache of shaped words, which repeat a great deal.
public final class NodeListBuilder {
    private let shaper: any TextShaper
    private let hyphenator: any Hyphenator
    private let parameters: LineBreakingParameters
    private var shapeCache: [ShapeKey: [GlyphRun]] = [:]
    private var metricsCache: [FontRequest: FontMetrics] = [:]
    private var fragmentCache: [FragmentKey: [String]] = [:]
    private var boxCache: [BoxKey: [Box]] = [:]
    /// The finished nodes of every word met so far, by the run settings they were built with: most words of an
    /// archive recur, and one lookup by the word's text then replaces shaping, hyphenation and box making.
    private var wordNodes: [RunSettings: [String: [Node]]] = [:]
    private var wordNodeCount = 0
    /// Entries each cache holds before it starts again: enough for an archive's common words, and a bound on
    /// memory (about 15 MB per thread with every cache full) however varied the archive's vocabulary.
    static let cacheLimit = 10_000
    /// The word space of the font used last: spaces come in long runs of one font.
    private var lastSpaceFont: FontRequest?
    private var lastSpace: GlyphRun?

    /// A shaped word in one style: its boxes, with their hanging-punctuation amounts, are worked out once.
    private struct BoxKey: Hashable {
        var shape: ShapeKey
        var style: TextStyle
    }

    /// Everything about a run except its text that decides the nodes of its words.
    private struct RunSettings: Hashable {
        var font: FontRequest
        var style: TextStyle
        var language: String
        var hyphenate: Bool
        var tracking: Double
        var rise: Double
        var isVerbatim: Bool

        init(_ run: StyledText) {
            font = run.font
            style = run.style
            language = run.language
            hyphenate = run.hyphenate
            tracking = run.tracking
            rise = run.rise
            isVerbatim = run.isVerbatim
        }
    }

    private struct ShapeKey: Hashable {
        var text: String
        var font: FontRequest
        var language: String
        var tracking: Double
        var rise: Double
    }

    /// Creates a builder over a shaper and a hyphenator.
    public init(shaper: any TextShaper, hyphenator: any Hyphenator, parameters: LineBreakingParameters) {
        self.shaper = shaper
        self.hyphenator = hyphenator
        self.parameters = parameters
    }

    /// The shaped runs of `text` (cached).
    public func shape(_ text: String, font: FontRequest, language: String, tracking: Double = 0, rise: Double = 0) -> [GlyphRun] {
        let key = ShapeKey(text: text, font: font, language: language, tracking: tracking, rise: rise)
        if let cached = shapeCache[key] { return cached }
        var runs = shaper.shape(text, font: font, language: language)
        if tracking != 0 || rise != 0 {
            let extra = tracking / 1000 * font.size
            runs = runs.map { run in
                var adjusted = run
                adjusted.glyphs = run.glyphs.map { glyph in
                    var moved = glyph
                    moved.advance += extra
                    moved.yOffset -= rise
                    return moved
                }
                return adjusted
            }
        }
        if shapeCache.count >= Self.cacheLimit { shapeCache.removeAll() }
        shapeCache[key] = runs
        return runs
    }

    /// `text` shaped on one line no wider than `width`, shortened with an ellipsis when it does not fit
    /// (running heads and feet: a long title or address must not run into the folio).
    public func shapeFitting(_ text: String, width: Double, font: FontRequest, language: String, tracking: Double = 0) -> [GlyphRun] {
        var shown = text
        var runs = shape(shown, font: font, language: language, tracking: tracking)
        while runs.reduce(0, { $0 + $1.width }) > width, shown.count > 4 {
            shown = String(shown.dropLast(shown.count > 40 ? 4 : 2))
            runs = shape(shown + "…", font: font, language: language, tracking: tracking)
        }
        return runs
    }

    /// The metrics of `font` (cached).
    public func metrics(_ font: FontRequest) -> FontMetrics {
        if let cached = metricsCache[font] { return cached }
        let metrics = shaper.metrics(of: font)
        metricsCache[font] = metrics
        return metrics
    }

    /// The node list of `paragraph`, ending with TeX's `\parfillskip` and a forced break.
    ///
    /// With `hyphenate` false, words get no dictionary hyphenation points (soft hyphens still count):
    /// the list for a first line-breaking pass, which TeX also tries before hyphenating anything.
    public func nodes(for paragraph: ParagraphSpec, hyphenate: Bool = true) -> [Node] {
        var paragraph = paragraph
        if !hyphenate { paragraph.runs = paragraph.runs.map { var run = $0; run.hyphenate = false; return run } }
        var nodes: [Node] = []
        let justified = paragraph.alignment == .justify
        if paragraph.firstLineIndent > 0 { nodes.append(.box(Box(width: paragraph.firstLineIndent))) }
        for run in paragraph.runs {
            guard let text = run.text else {
                trimTrailingSpace(&nodes)
                nodes += [.glue(Glue(width: 0, stretch: Glue.fill, shrink: 0)), .penalty(Penalty(cost: -Penalty.infinity))]
                continue
            }
            // Words are slices between spaces, found scalar by scalar: building them character by character
            // (grapheme breaking) was the largest cost of node building.
            let scalars = text.unicodeScalars
            var wordStart = scalars.startIndex
            var index = scalars.startIndex
            let settings = RunSettings(run)
            // Taken out of the table while in use, so that adding words does not copy it.
            var words = wordNodes.removeValue(forKey: settings) ?? [:]
            defer { wordNodes[settings] = words }
            func flushWord(upTo end: String.UnicodeScalarView.Index) {
                guard wordStart < end else { return }
                let word = String(scalars[wordStart..<end])
                if let known = words[word] {
                    nodes.append(contentsOf: known)
                    return
                }
                let first = nodes.count
                appendWord(word, run: run, to: &nodes)
                if wordNodeCount >= Self.cacheLimit {
                    wordNodes.removeAll()
                    words.removeAll()
                    wordNodeCount = 0
                }
                words[word] = Array(nodes[first...])
                wordNodeCount += 1
            }
            while index < scalars.endIndex {
                let scalar = scalars[index]
                switch scalar {
                case " ", "\t", "\n", "\r", "\u{2028}", "\u{00A0}":
                    flushWord(upTo: index)
                    appendSpace(run: run, breakable: scalar != "\u{00A0}", justified: justified, to: &nodes)
                    index = scalars.index(after: index)
                    wordStart = index
                default:
                    index = scalars.index(after: index)
                }
            }
            flushWord(upTo: scalars.endIndex)
        }
        trimTrailingSpace(&nodes)
        nodes += [.penalty(Penalty(cost: Penalty.infinity)), .glue(Glue(width: 0, stretch: Glue.fill, shrink: 0)),
                  .penalty(Penalty(cost: -Penalty.infinity))]
        return nodes
    }

    private func trimTrailingSpace(_ nodes: inout [Node]) {
        while let last = nodes.last {
            switch last {
            case .glue, .penalty: nodes.removeLast()
            default: return
            }
        }
    }

    private func appendSpace(run: StyledText, breakable: Bool, justified: Bool, to nodes: inout [Node]) {
        guard let last = nodes.last else { return }
        if case .glue = last { return }
        if case .penalty = last { return }
        if lastSpaceFont != run.font {
            lastSpace = metrics(run.font).space
            lastSpaceFont = run.font
        }
        let space = lastSpace!
        let width = space.width + run.tracking / 1000 * run.font.size
        if !breakable { nodes.append(.penalty(Penalty(cost: Penalty.infinity))) }
        if justified {
            nodes.append(.glue(Glue(width: width, stretch: width * parameters.spaceStretch, shrink: width * parameters.spaceShrink,
                                    space: space, style: run.style)))
        } else if breakable {
            // Knuth and Plass's ragged setting: the stretch sits only at a line's end.
            let rag = 3 * run.font.size
            nodes += [.glue(Glue(width: 0, stretch: rag, shrink: 0)), .penalty(Penalty(cost: 0)),
                      .glue(Glue(width: width, stretch: -rag, shrink: 0, space: space, style: run.style))]
        } else {
            nodes.append(.glue(Glue(width: width, stretch: 0, shrink: 0, space: space, style: run.style)))
        }
    }

    /// Characters after which a word may break without a hyphen being added.
    private static let breakAfter: Set<Character> = ["-", "\u{2010}", "\u{2013}", "\u{2014}", "/"]

    /// The scalars of `breakAfter`, for the quick test most words pass.
    private static let breakScalars: Set<Unicode.Scalar> = ["-", "\u{2010}", "\u{2013}", "\u{2014}", "/"]

    private func appendWord(_ word: String, run: StyledText, to nodes: inout [Node]) {
        if !run.isVerbatim, !word.unicodeScalars.contains(where: { Self.breakScalars.contains($0) }) {
            appendPiece(word, run: run, to: &nodes)
            return
        }
        // Split after explicit hyphens and dashes (and slashes in links), keeping the character.
        var pieces: [String] = []
        var current = ""
        let characters = Array(word)
        for (offset, character) in characters.enumerated() {
            current.append(character)
            let isLast = offset == characters.count - 1
            let slashAllowed = character != "/" || run.style.link != nil
            let verbatimBreak = run.isVerbatim && (character.isPunctuation || character.isSymbol)
            if !isLast, (Self.breakAfter.contains(character) && slashAllowed) || verbatimBreak, current.count > 1,
               verbatimBreak || characters[offset + 1].isLetter || characters[offset + 1].isNumber {
                pieces.append(current)
                current = ""
            }
        }
        if !current.isEmpty { pieces.append(current) }
        for (index, piece) in pieces.enumerated() {
            appendPiece(piece, run: run, to: &nodes)
            if index < pieces.count - 1 {
                if run.isVerbatim {
                    // Breaking code inside a token is a last resort, and never adds a hyphen.
                    nodes.append(.penalty(Penalty(width: 0, cost: 900, flagged: false)))
                    continue
                }
                let cost = piece.last == "/" ? 200.0 : parameters.hyphenPenalty
                nodes.append(.penalty(Penalty(width: 0, cost: cost, flagged: piece.last != "/")))
            }
        }
    }

    private func appendPiece(_ piece: String, run: StyledText, to nodes: inout [Node]) {
        // Scalar tests, not Foundation's `contains`, which goes through CFString on every word.
        let hasSoftHyphen = piece.unicodeScalars.contains("\u{00AD}")
        let cleaned = hasSoftHyphen ? String(String.UnicodeScalarView(piece.unicodeScalars.filter { $0 != "\u{00AD}" })) : piece
        // Most words on a first pass have neither soft hyphens nor dictionary points to look up.
        let fragments = hasSoftHyphen || run.hyphenate ? hyphenationFragments(piece, run: run) : []
        guard fragments.count > 1 else {
            let key = BoxKey(shape: ShapeKey(text: cleaned, font: run.font, language: run.language, tracking: run.tracking, rise: run.rise),
                             style: run.style)
            if let boxes = boxCache[key] {
                for box in boxes { nodes.append(.box(box)) }
                return
            }
            let boxes = shape(cleaned, font: run.font, language: run.language, tracking: run.tracking, rise: run.rise)
                .map { makeBox($0, style: run.style) }
            if boxCache.count >= Self.cacheLimit { boxCache.removeAll() }
            boxCache[key] = boxes
            for box in boxes { nodes.append(.box(box)) }
            return
        }
        let hyphen = shape("-", font: run.font, language: run.language).map { hyphenRun -> Box in
            var soft = hyphenRun
            soft.text = "\u{00AD}"
            soft.glyphs = soft.glyphs.map { var glyph = $0; glyph.cluster = 0; return glyph }
            return makeBox(soft, style: run.style, hangs: "-")
        }
        for (index, fragment) in fragments.enumerated() {
            for glyphRun in shape(fragment, font: run.font, language: run.language, tracking: run.tracking, rise: run.rise) {
                nodes.append(.box(makeBox(glyphRun, style: run.style)))
            }
            if index < fragments.count - 1 {
                nodes.append(.discretionary(Discretionary(preBreak: hyphen, penalty: parameters.hyphenPenalty)))
            }
        }
    }

    /// The parts of `piece` between its hyphenation points (soft hyphens or the dictionary's).
    private func hyphenationFragments(_ piece: String, run: StyledText) -> [String] {
        if piece.unicodeScalars.contains("\u{00AD}") {
            return piece.split(separator: "\u{00AD}", omittingEmptySubsequences: true).map(String.init)
        }
        guard run.hyphenate else { return [piece] }
        // Words recur all through an archive; their fragments are worked out once per language.
        let key = FragmentKey(piece: piece, language: run.language)
        if let known = fragmentCache[key] { return known }
        let fragments = dictionaryFragments(piece, language: run.language)
        if fragmentCache.count >= Self.cacheLimit { fragmentCache.removeAll() }
        fragmentCache[key] = fragments
        return fragments
    }

    private struct FragmentKey: Hashable {
        var piece: String
        var language: String
    }

    private func dictionaryFragments(_ piece: String, language: String) -> [String] {
        let scalars = Array(piece.unicodeScalars)
        guard let first = scalars.firstIndex(where: { $0.properties.isAlphabetic }),
              let last = scalars.lastIndex(where: { $0.properties.isAlphabetic }) else { return [piece] }
        let core = scalars[first...last]
        guard core.count >= parameters.minimumWordLength,
              core.allSatisfy({ $0.properties.isAlphabetic || $0 == "\u{2019}" || $0 == "'" }),
              !core.allSatisfy({ !$0.properties.isLowercase }),
              core.dropFirst().contains(where: { $0.properties.isLowercase }) || core.count > 1 else { return [piece] }
        if core.dropFirst().contains(where: { $0.properties.isUppercase }) { return [piece] }
        let word = String(String.UnicodeScalarView(core))
        let points = hyphenator.hyphenationPoints(in: word, language: language)
        guard !points.isEmpty else { return [piece] }
        var fragments: [String] = []
        var start = 0
        for point in points.sorted() where point > 0 && point < core.count {
            let end = first + point
            fragments.append(String(String.UnicodeScalarView(scalars[start..<end])))
            start = end
        }
        fragments.append(String(String.UnicodeScalarView(scalars[start...])))
        return fragments
    }

    /// How much of a character's width hangs into the margin at a justified line's end (after microtype).
    private static let rightProtrusion: [Character: Double] = [
        ".": 0.7, ",": 0.7, ":": 0.5, ";": 0.5, "-": 0.7, "\u{2010}": 0.7, "\u{2013}": 0.5, "\u{2014}": 0.25,
        "\u{2019}": 0.7, "\u{201D}": 0.7, "\"": 0.5, "'": 0.5, "»": 0.5, "!": 0.2, "?": 0.2, ")": 0.1,
    ]
    private static let leftProtrusion: [Character: Double] = [
        "\u{201C}": 0.7, "\u{2018}": 0.7, "\"": 0.5, "'": 0.5, "«": 0.5, "(": 0.1,
    ]

    private func makeBox(_ run: GlyphRun, style: TextStyle, hangs: Character? = nil) -> Box {
        guard parameters.hangingPunctuation else { return Box(run: run, style: style) }
        var left = 0.0, right = 0.0
        if let firstCharacter = run.text.first, let fraction = Self.leftProtrusion[firstCharacter], let glyph = run.glyphs.first {
            left = fraction * glyph.advance
        }
        if let lastCharacter = hangs ?? run.text.last, let fraction = Self.rightProtrusion[lastCharacter], let glyph = run.glyphs.last {
            right = fraction * glyph.advance
        }
        return Box(run: run, style: style, protrusionLeft: left, protrusionRight: right)
    }
}

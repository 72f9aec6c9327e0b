import Foundation
import GalleyModel
import GalleyStyle

/// Turns a paragraph's styled runs into boxes, glue, penalties and discretionary hyphens.
///
/// One builder serves one thread: it owns a cache of shaped words, which repeat a great deal.
public final class NodeListBuilder {
    let shaper: any TextShaper
    /// The bidi and line-break analysis, when the shaper offers it (Pango does; test shakers may not).
    let analyzer: (any TextAnalyzer)?
    let hyphenator: any Hyphenator
    let parameters: LineBreakingParameters
    /// Shaped texts by everything else that decides their shapes: words come in long runs of one font and language,
    /// so the settings are compared with the last ones and only the text is hashed for most words.
    private var shapeTables: [ShapeSettings: ShapeTable] = [:]
    private var lastShapeSettings: ShapeSettings?
    private var lastShapeTable: ShapeTable?
    private var shapeCount = 0
    /// The shapes other threads' builders made, asked before shaping (an issue's layout threads share one).
    public var sharedShapes: SharedShapes?
    private var metricsCache: [FontRequest: FontMetrics] = [:]
    var fragmentCache: [FragmentKey: [String]] = [:]
    /// The finished nodes of every word met so far, by the run settings they were built with: most words of an
    /// archive recur, and one lookup by the word's text then replaces shaping, hyphenation and box making.
    private var wordNodes: [RunSettings: [TextKey: [Node]]] = [:]
    private var wordNodeCount = 0
    /// Entries each cache holds before it starts again: enough for an archive's common words, and a bound on
    /// memory (about 15 MB per thread with every cache full) however varied the archive's vocabulary.
    static let cacheLimit = 10_000
    /// The word space of the font and language used last: spaces come in long runs of one font.
    private var lastSpaceFont: FontRequest?
    private var lastSpaceLanguage: String?
    private var lastSpace: GlyphRun?

    /// Everything about a run except its text that decides the nodes of its words.
    private struct RunSettings: Hashable {
        var font: FontRequest
        var style: TextStyle
        var language: String
        var hyphenate: Bool
        var tracking: Double
        var rise: Double
        var isVerbatim: Bool
        /// The bidi level of every scalar of the word: words are cached per level, so that "2025" in Arabic text
        /// (level 2) and in English text (level 0) are two entries.
        var level: UInt8

        init(_ run: StyledText, level: UInt8) {
            font = run.font
            style = run.style
            language = run.language
            hyphenate = run.hyphenate
            tracking = run.tracking
            rise = run.rise
            isVerbatim = run.isVerbatim
            self.level = level
        }
    }

    /// Everything but the text that decides a text's shaped runs.
    struct ShapeSettings: Hashable {
        var font: FontRequest
        var language: String
        var tracking: Double
        var rise: Double
        var direction: TextDirection = .leftToRight
    }

    /// Creates a builder over a shaper and a hyphenator; a shaper that is also a `TextAnalyzer` sets bidirectional
    /// text and breaks lines between characters where Unicode allows it.
    public init(shaper: any TextShaper, hyphenator: any Hyphenator, parameters: LineBreakingParameters) {
        self.shaper = shaper
        analyzer = shaper as? any TextAnalyzer
        self.hyphenator = hyphenator
        self.parameters = parameters
    }

    /// The shaped runs of `text` (cached), in reading order.
    public func shape(_ text: String, font: FontRequest, language: String, tracking: Double = 0, rise: Double = 0,
                      direction: TextDirection = .leftToRight) -> [GlyphRun] {
        let settings = ShapeSettings(font: font, language: language, tracking: tracking, rise: rise, direction: direction)
        let table: ShapeTable
        if let last = lastShapeTable, lastShapeSettings == settings {
            table = last
        } else {
            table = shapeTables[settings] ?? ShapeTable()
            shapeTables[settings] = table
            (lastShapeSettings, lastShapeTable) = (settings, table)
        }
        let key = TextKey(text)
        if let cached = table.runs[key] { return cached }
        if let found = sharedShapes?.runs(key, settings: settings) {
            // Copied into objects of this thread's own (see `GlyphRun.unshared`).
            let runs = found.map { $0.unshared() }
            remember(runs, for: key, settings: settings, in: table)
            return runs
        }
        var runs = shaper.shape(text, font: font, language: language, direction: direction)
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
        remember(runs, for: key, settings: settings, in: table)
        sharedShapes?.keep(runs, for: key, settings: settings)
        return runs
    }

    /// Puts `runs` in `table` (the one of `settings`), starting every table again when they hold `cacheLimit`.
    private func remember(_ runs: [GlyphRun], for key: TextKey, settings: ShapeSettings, in table: ShapeTable) {
        if shapeCount >= Self.cacheLimit {
            shapeTables.removeAll()
            table.runs.removeAll()
            shapeTables[settings] = table
            shapeCount = 0
        }
        table.runs[key] = runs
        shapeCount += 1
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
    /// Nodes come in reading order; each box and space carries its bidi level for the line assembler to reorder.
    public func nodes(for paragraph: ParagraphSpec, hyphenate: Bool = true) -> [Node] {
        var paragraph = paragraph
        if !hyphenate { paragraph.runs = paragraph.runs.map { var run = $0; run.hyphenate = false; return run } }
        let analysis = ParagraphAnalysis.make(paragraph, analyzer: analyzer)
        let baseLevel: UInt8 = paragraph.direction == .rightToLeft ? 1 : 0
        var nodes: [Node] = []
        let justified = paragraph.alignment == .justify
        // The glue that fills a paragraph's last line sits at the paragraph's level, so that a right-to-left last
        // line is filled on its left.
        var fillGlue = Glue(width: 0, stretch: Glue.fill, shrink: 0)
        fillGlue.level = baseLevel
        let fill = Node.glue(fillGlue)
        if paragraph.firstLineIndent > 0 {
            var indent = Box(width: paragraph.firstLineIndent)
            indent.level = baseLevel
            nodes.append(.box(indent))
        }
        // The scalar offset of the current run's text in the paragraph, which the analysis is indexed by.
        var runOffset = 0
        for run in paragraph.runs {
            guard let text = run.text else {
                trimTrailingSpace(&nodes)
                nodes += [fill, .penalty(Penalty(cost: -Penalty.infinity))]
                runOffset += 1
                continue
            }
            // Words are slices between spaces, found scalar by scalar: building them character by character
            // (grapheme breaking) was the largest cost of node building.
            let scalars = text.unicodeScalars
            var wordStart = scalars.startIndex
            var wordOffset = runOffset
            var index = scalars.startIndex
            var offset = runOffset
            let plainSettings = RunSettings(run, level: baseLevel)
            // Taken out of the table while in use, so that adding words does not copy it.
            var words = wordNodes.removeValue(forKey: plainSettings) ?? [:]
            defer { wordNodes[plainSettings] = words }
            // A word, or a piece of one, from the cache of its run's settings at its level.
            func appendCached(_ word: String, level: UInt8, to nodes: inout [Node]) {
                if level != baseLevel {
                    // A word at another level (a number in Arabic text) is cached under that level.
                    let settings = RunSettings(run, level: level)
                    var leveled = wordNodes.removeValue(forKey: settings) ?? [:]
                    appendWord(word, run: run, level: level, cache: &leveled, to: &nodes)
                    wordNodes[settings] = leveled
                    return
                }
                appendWord(word, run: run, level: level, cache: &words, to: &nodes)
            }
            func flushWord(upTo end: String.UnicodeScalarView.Index) {
                guard wordStart < end else { return }
                if let analysis, !isUniform(scalars[wordStart..<end], at: wordOffset, analysis: analysis) {
                    // Its pieces (the characters of a Chinese sentence) recur like words, and are cached like them.
                    appendAnalyzedWord(scalars[wordStart..<end], at: wordOffset, run: run, analysis: analysis, justified: justified,
                                       to: &nodes, piece: appendCached)
                    return
                }
                appendCached(String(scalars[wordStart..<end]), level: analysis?.level(at: wordOffset) ?? baseLevel, to: &nodes)
            }
            while index < scalars.endIndex {
                let scalar = scalars[index]
                switch scalar {
                case " ", "\t", "\n", "\r", "\u{2028}", "\u{00A0}", "\u{3000}":
                    flushWord(upTo: index)
                    appendSpace(run: run, breakable: scalar != "\u{00A0}", justified: justified,
                                level: analysis?.level(at: offset) ?? baseLevel, ideographic: scalar == "\u{3000}", to: &nodes)
                    index = scalars.index(after: index)
                    offset += 1
                    wordStart = index
                    wordOffset = offset
                default:
                    index = scalars.index(after: index)
                    offset += 1
                }
            }
            flushWord(upTo: scalars.endIndex)
            runOffset = offset
        }
        trimTrailingSpace(&nodes)
        nodes += [.penalty(Penalty(cost: Penalty.infinity)), fill, .penalty(Penalty(cost: -Penalty.infinity))]
        return nodes
    }

    /// A word's nodes from `words` (the cache of its run's settings), or made and added to it.
    private func appendWord(_ word: String, run: StyledText, level: UInt8, cache words: inout [TextKey: [Node]], to nodes: inout [Node]) {
        let key = TextKey(word)
        if let known = words[key] {
            nodes.append(contentsOf: known)
            return
        }
        let first = nodes.count
        appendWord(word, run: run, level: level, to: &nodes)
        if wordNodeCount >= Self.cacheLimit {
            wordNodes.removeAll()
            words.removeAll()
            wordNodeCount = 0
        }
        words[key] = Array(nodes[first...])
        wordNodeCount += 1
    }

    private func trimTrailingSpace(_ nodes: inout [Node]) {
        while Self.endsWithSpace(nodes) { nodes.removeLast() }
    }

    /// Whether `nodes` ends with glue or a penalty: the case read in place (`nodes.last` copied the node, its run and
    /// style retained and released, at every word space).
    private static func endsWithSpace(_ nodes: [Node]) -> Bool {
        guard !nodes.isEmpty else { return false }
        switch nodes[nodes.count - 1] {
        case .glue, .penalty: return true
        default: return false
        }
    }

    /// A word space (or, with `ideographic`, the full-width space of Chinese and Japanese, one em wide).
    private func appendSpace(run: StyledText, breakable: Bool, justified: Bool, level: UInt8, ideographic: Bool = false,
                             to nodes: inout [Node]) {
        guard !nodes.isEmpty, !Self.endsWithSpace(nodes) else { return }
        if lastSpaceFont != run.font || lastSpaceLanguage != run.language {
            // The space of the face that sets the language's own script (Arabic text takes the Arabic face's space),
            // so that a line of one script is one run of one face.
            lastSpace = shape(" ", font: run.font, language: run.language).first ?? metrics(run.font).space
            lastSpaceFont = run.font
            lastSpaceLanguage = run.language
        }
        var space = lastSpace!
        if ideographic, let glyph = space.glyphs.first {
            var wide = glyph
            wide.advance = run.font.size
            space.glyphs = [wide]
            space.text = "\u{3000}"
        }
        let width = space.width + run.tracking / 1000 * run.font.size
        if !breakable { nodes.append(.penalty(Penalty(cost: Penalty.infinity))) }
        func glue(_ width: Double, stretch: Double, shrink: Double, drawn: Bool) -> Node {
            var made = Glue(width: width, stretch: stretch, shrink: shrink, space: drawn ? space : nil, style: drawn ? run.style : TextStyle())
            made.level = level
            return .glue(made)
        }
        if justified {
            // A full-width space keeps its width: it is a character of the grid, not a word space.
            let flexible = ideographic ? 0 : 1
            nodes.append(glue(width, stretch: Double(flexible) * width * parameters.spaceStretch,
                              shrink: Double(flexible) * width * parameters.spaceShrink, drawn: true))
        } else if breakable {
            // Knuth and Plass's ragged setting: the stretch sits only at a line's end.
            let rag = 3 * run.font.size
            nodes.append(glue(0, stretch: rag, shrink: 0, drawn: false))
            nodes.append(.penalty(Penalty(cost: 0)))
            nodes.append(glue(width, stretch: -rag, shrink: 0, drawn: true))
        } else {
            nodes.append(glue(width, stretch: 0, shrink: 0, drawn: true))
        }
    }
}

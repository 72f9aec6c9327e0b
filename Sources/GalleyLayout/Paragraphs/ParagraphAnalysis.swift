import GalleyModel

/// What the Unicode algorithms say about one paragraph, by scalar offset in the text of all its runs.
///
/// Made only for paragraphs that need it: a left-to-right paragraph of scripts that separate words by spaces is
/// set from spaces and hyphens alone, exactly as before, and costs one scan of its scalars.
struct ParagraphAnalysis {
    /// The embedding level of each scalar (UAX #9); nil when every scalar is at the paragraph's level.
    let levels: [UInt8]?
    /// Whether a line may break before each scalar (UAX #14); nil when lines break only at spaces and hyphens.
    let breaks: [Bool]?
    /// The paragraph's own level: 0 left to right, 1 right to left.
    let baseLevel: UInt8

    /// The level of the scalar at `offset`.
    func level(at offset: Int) -> UInt8 {
        guard let levels, offset < levels.count else { return baseLevel }
        return levels[offset]
    }

    /// Whether a line may break before the scalar at `offset`.
    func mayBreak(before offset: Int) -> Bool {
        guard let breaks, offset < breaks.count else { return false }
        return breaks[offset]
    }

    /// The analysis of `paragraph`, or nil when it needs none. Forced line breaks count as one scalar (U+2028).
    static func make(_ paragraph: ParagraphSpec, analyzer: (any TextAnalyzer)?) -> ParagraphAnalysis? {
        let baseLevel: UInt8 = paragraph.direction == .rightToLeft ? 1 : 0
        var needsLevels = baseLevel == 1
        var needsBreaks = false
        scan: for run in paragraph.runs {
            // Every character from U+0590 on starts with a UTF-8 byte of 0xD6 or more: most paragraphs have none,
            // and a byte scan is much quicker than decoding scalars.
            guard let text = run.text, text.utf8.contains(where: { $0 >= 0xD6 }) else { continue }
            for scalar in text.unicodeScalars where scalar.value >= 0x0590 {
                if !needsLevels, isBidiRelevant(scalar) { needsLevels = true }
                if !needsBreaks, needsUnicodeBreaks(scalar) { needsBreaks = true }
                if needsLevels && needsBreaks { break scan }
            }
        }
        guard needsLevels || needsBreaks else { return nil }
        let text = paragraph.runs.map { $0.text ?? "\u{2028}" }.joined()
        let language = paragraph.runs.first { $0.text != nil }?.language ?? "en"
        guard let analyzer else {
            return ParagraphAnalysis(levels: needsLevels ? Array(repeating: baseLevel, count: text.unicodeScalars.count) : nil,
                                     breaks: nil, baseLevel: baseLevel)
        }
        var levels = needsLevels ? analyzer.embeddingLevels(of: text, direction: paragraph.direction) : nil
        if let found = levels, found.allSatisfy({ $0 == 0 }), baseLevel == 0 { levels = nil }
        return ParagraphAnalysis(levels: levels, breaks: needsBreaks ? analyzer.lineBreakOpportunities(in: text, language: language) : nil,
                                 baseLevel: baseLevel)
    }

    /// Right-to-left letters and the explicit bidi controls: text that can move anything in a line.
    static func isBidiRelevant(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return Script.of(scalar)?.isRightToLeft ?? false
        }
    }

    /// Characters between which lines break without spaces: Chinese and Japanese, and scripts whose words a
    /// dictionary finds (Thai, Lao, Khmer, Myanmar).
    static func needsUnicodeBreaks(_ scalar: Unicode.Scalar) -> Bool {
        if Script.isIdeographic(scalar) || Self.isIdeographicPunctuation(scalar) { return true }
        guard let script = Script.of(scalar) else { return false }
        return script.writesWordsWithoutSpaces && script != .han
    }

    /// Full-width punctuation of Chinese and Japanese text (、。「」（）…), which sits in the same character grid.
    static func isIdeographicPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x3004, 0x3008...0x3020, 0x3030, 0x303D...0x303F, 0x30FB, 0xFE30...0xFE4F, 0xFF01...0xFF65: return true
        default: return false
        }
    }
}

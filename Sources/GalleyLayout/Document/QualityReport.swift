/// Typographic measurements taken while setting a document, the basis of `galley check`.
public struct QualityReport: Codable, Sendable, Equatable {
    /// Lines of justified text set.
    public var justifiedLines: Int = 0
    /// Lines wider than their measure.
    public var overfullLines: Int = 0
    /// Lines stretched beyond the tolerance.
    public var looseLines: Int = 0
    /// The largest absolute adjustment ratio of a justified line (not counting last lines).
    public var maxAbsoluteRatio: Double = 0
    /// The sum of absolute ratios, for the mean.
    public var sumAbsoluteRatio: Double = 0
    /// Lines ending in a hyphen.
    public var hyphenatedLines: Int = 0
    /// The longest run of consecutive hyphenated lines.
    public var longestHyphenRun: Int = 0
    /// Single paragraph lines left at the top of a page.
    public var widows: Int = 0
    /// Single paragraph lines left at the foot of a page.
    public var orphans: Int = 0
    /// Headings at the foot of a page with none of their text.
    public var strandedHeadings: Int = 0
    /// Glyphs missing from the fonts.
    public var missingGlyphs: Int = 0
    /// The characters the fonts lack, each once, in the order they were met (at most `missingCharacterLimit`).
    public var missingCharacters: String = ""
    /// Lines with a problem, with where they are, in the order they were set (at most `lineNoteLimit`).
    public var lineNotes: [LineNote] = []
    /// Words wider than their line, cut between characters to keep the line inside the page.
    public var brokenWords: Int = 0
    /// The first 40 characters of the first such word.
    public var firstBrokenWord: String?
    /// The PostScript names of the faces used.
    public var fonts: [String] = []
    /// Whether the article would have filled more pages than the typesetter's `maxPages`; the pages past it were
    /// not made.
    public var pageLimitExceeded = false
    /// Lines of paragraphs whose baselines are off the layout's baseline grid; nil when the layout has none.
    public var offGridLines: Int?

    /// Creates an empty report.
    public init() {}

    /// How many distinct missing characters are kept for messages.
    public static let missingCharacterLimit = 40
    /// How many line problems are kept with their place.
    public static let lineNoteLimit = 200

    /// Counts the glyphs `run` draws as empty boxes and remembers which characters they stand for.
    public mutating func count(missingIn run: GlyphRun) {
        guard run.missingGlyphs > 0 else { return }
        missingGlyphs += run.missingGlyphs
        let bytes = Array(run.text.utf8)
        for glyph in run.glyphs where glyph.id == 0 && glyph.cluster < bytes.count {
            guard missingCharacters.unicodeScalars.count < Self.missingCharacterLimit else { return }
            // The cluster starts at a character boundary; its first scalar is the one without a glyph.
            let scalar = String(decoding: bytes[glyph.cluster...].prefix(4), as: UTF8.self).unicodeScalars.first
            if let scalar, scalar != "\u{FFFD}", !missingCharacters.unicodeScalars.contains(scalar) {
                missingCharacters.unicodeScalars.append(scalar)
            }
        }
    }

    /// Records a problem line; returns its index for the page builder to fill in the page, or nil past the limit.
    @discardableResult
    public mutating func note(_ kind: LineNote.Kind, ratio: Double, text: String) -> Int? {
        guard lineNotes.count < Self.lineNoteLimit else { return nil }
        lineNotes.append(LineNote(kind: kind, ratio: ratio, text: text))
        return lineNotes.count - 1
    }

    /// The mean absolute adjustment ratio of justified lines.
    public var meanAbsoluteRatio: Double { justifiedLines == 0 ? 0 : sumAbsoluteRatio / Double(justifiedLines) }
}

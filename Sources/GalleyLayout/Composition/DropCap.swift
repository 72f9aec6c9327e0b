import GalleyStyle

/// An opening drop cap: the first letter of a paragraph (with any opening quote before it), set so that its foot stands
/// on the baseline of the paragraph's `lines`th line and its top at the first line's cap height, the first lines
/// indented beside it.
///
/// Only for paragraphs that start left to right with a letter of an alphabet set in capitals (Latin, Greek, Cyrillic,
/// Armenian, Georgian): Arabic, Hebrew, Indic scripts and CJK have other opening conventions, and their paragraphs
/// are set as usual.
struct DropCap {
    /// The paragraph without the cap's characters and without a first-line indent.
    var paragraph: ParagraphSpec
    /// The cap's glyphs, in reading order.
    var runs: [GlyphRun]
    /// How far the first `lines` lines start to the right of the others.
    var indent: Double
    /// How many lines stand beside the cap.
    var lines: Int
    /// The cap's colour.
    var color: Color

    /// The drop cap of `paragraph` as `settings` asks, or nil when it has none (see the type's comment); a cap that
    /// names no colour takes its text's.
    static func make(_ settings: DropCapSettings, paragraph: ParagraphSpec, builder: NodeListBuilder, measure: Double) -> DropCap? {
        guard paragraph.direction == .leftToRight, paragraph.alignment != .center, paragraph.alignment != .right,
              let index = paragraph.runs.firstIndex(where: { $0.text.map { !$0.isEmpty } ?? false }),
              index == 0 || paragraph.runs[..<index].allSatisfy({ $0.text == "" }),
              let text = paragraph.runs[index].text, let cut = Self.opening(of: text) else { return nil }
        let first = paragraph.runs[index]
        let size = paragraph.fontSize
        let body = builder.metrics(FontRequest(family: first.font.family, size: size))
        guard body.capHeight > 0 else { return nil }
        // Cap heights scale with the type size: the cap's size is the one whose cap height reaches from the last line's
        // baseline up to the first line's cap height.
        let capSize = (Double(settings.lines - 1) * paragraph.leading + body.capHeight) * size / body.capHeight
        let runs = builder.shape(String(text[..<cut]), font: FontRequest(family: first.font.family, size: capSize), language: first.language)
        let width = runs.reduce(0) { $0 + $1.width }
        guard width > 0, width < measure / 3 else { return nil }
        var rest = paragraph
        rest.runs[index].text = String(text[cut...])
        rest.firstLineIndent = 0
        return DropCap(paragraph: rest, runs: runs, indent: width + 0.25 * size, lines: settings.lines,
                       color: settings.color.map(Color.init(hex:)) ?? first.style.color)
    }

    /// Where the cap's characters end in `text`: after any opening punctuation and the letter that follows it; nil
    /// when the text does not start with such a letter.
    static func opening(of text: String) -> String.Index? {
        var index = text.startIndex
        while index < text.endIndex, let scalar = text[index].unicodeScalars.first,
              [.initialPunctuation, .openPunctuation].contains(scalar.properties.generalCategory) || text[index] == "\"" || text[index] == "'" {
            index = text.index(after: index)
        }
        guard index < text.endIndex, text[index].isLetter, let scalar = text[index].unicodeScalars.first,
              scalar.value < 0x0590 || (0x10A0...0x10FF).contains(scalar.value) || (0x1C90...0x1CBF).contains(scalar.value) else { return nil }
        return text.index(after: index)
    }

    /// The cap's items for the paragraph's first line, whose baseline is `baseline` below its top and whose text starts
    /// `left` from the block's edge: the letter's outlines on the baseline `lines - 1` leadings down, as decoration, and
    /// its text, drawn as nothing, where the first line's text starts, in the paragraph's element `node`.
    func items(left: Double, baseline: Double, node: Int32) -> [PositionedItem] {
        var x = left
        var items = runs.map { run -> PositionedItem in
            defer { x += run.width }
            return PositionedItem(Point(x: x, y: baseline + Double(lines - 1) * paragraph.leading), .shape(run, color: color), node: -1)
        }
        if let face = runs.first?.face {
            let text = runs.map(\.text).joined()
            let carried = GlyphRun(face: face, size: paragraph.fontSize, text: text,
                                   glyphs: [Glyph(id: GlyphRun.invisibleGlyph, advance: 0, cluster: 0)])
            items.append(PositionedItem(Point(x: left + indent, y: baseline), .glyphs(carried, color: color), node: node))
        }
        return items
    }
}

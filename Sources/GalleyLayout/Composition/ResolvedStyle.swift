import GalleyStyle

/// A paragraph style turned into what the layout needs: a font request and a colour.
struct ResolvedStyle {
    let style: ParagraphStyle
    let font: FontRequest
    let color: Color

    init(_ style: ParagraphStyle) {
        self.style = style
        font = FontRequest(family: style.font, bold: style.bold, italic: style.italic, size: style.size.points)
        color = Color(hex: style.color)
    }
}

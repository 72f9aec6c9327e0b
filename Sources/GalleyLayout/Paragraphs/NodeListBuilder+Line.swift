import GalleyModel
import GalleyStyle

extension NodeListBuilder {
    /// `runs` set on one line at their natural width, in display order: list markers, footnote numbers and running
    /// heads, which never break but must still order mixed-direction text as a paragraph of `direction` does.
    public func line(_ runs: [StyledText], direction: TextDirection) -> SetLine {
        let text = runs.filter { $0.text.map { !$0.isEmpty } ?? false }
        guard let size = text.first?.font.size else {
            return SetLine(runs: [], links: [], measure: 0, contentWidth: 0, ratio: 0, hyphenated: false, overfull: false)
        }
        var paragraph = ParagraphSpec(runs: text, leading: size, alignment: .left, fontSize: size)
        paragraph.direction = direction
        let nodes = self.nodes(for: paragraph, hyphenate: false)
        let natural = nodes.reduce(0) { $0 + $1.width }
        return LineAssembler().assemble(nodes, breaks: [LineBreak(position: nodes.count - 1, ratio: 0, hyphenated: false)],
                                        widths: LineWidths(natural), alignment: .left, hangingPunctuation: false,
                                        direction: direction)[0]
    }
}

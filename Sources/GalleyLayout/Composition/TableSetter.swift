import GalleyStyle

/// Sets a table: column widths from content, cells as small paragraphs, rules from the layout.
///
/// Each row becomes one vertical box; body rows carry the header rows so that a page starting
/// inside the table repeats them.
struct TableSetter {
    let sheet: StyleSheet
    let builder: NodeListBuilder

    /// The widest unbreakable piece and the one-line width of a cell's text.
    func measure(_ runs: [StyledText]) -> (minimum: Double, natural: Double) {
        let paragraph = ParagraphSpec(runs: runs, leading: 10, alignment: .left, fontSize: runs.first?.font.size ?? 8)
        var natural = 0.0, word = 0.0, widest = 0.0
        for node in builder.nodes(for: paragraph) {
            switch node {
            case .box(let box):
                natural += box.width
                word += box.width
                widest = max(widest, word)
            case .glue(let glue) where glue.stretch < Glue.fill:
                natural += glue.width
                word = 0
            case .kern(let width):
                natural += width
            default:
                break
            }
        }
        return (widest, natural)
    }

    /// Column widths that fill `total`, following the browsers' automatic table layout.
    func columnWidths(_ cells: [[[StyledText]]], columns: Int, total: Double) -> [Double] {
        let padding = 2 * sheet.tables.cellPadding.points
        var minimum = [Double](repeating: padding + 12, count: columns)
        var natural = [Double](repeating: padding + 12, count: columns)
        for row in cells {
            for (column, cell) in row.enumerated() where column < columns {
                let size = measure(cell)
                minimum[column] = max(minimum[column], size.minimum + padding)
                natural[column] = max(natural[column], size.natural + padding)
            }
        }
        let naturalSum = natural.reduce(0, +), minimumSum = minimum.reduce(0, +)
        if naturalSum <= total {
            return natural.map { $0 + (total - naturalSum) * $0 / naturalSum }
        }
        if minimumSum <= total {
            let flexible = zip(natural, minimum).map { $0 - $1 }
            let flexibleSum = max(flexible.reduce(0, +), 0.001)
            return zip(minimum, flexible).map { $0 + (total - minimumSum) * $1 / flexibleSum }
        }
        return minimum.map { $0 * total / minimumSum }
    }
}

/// The body's columns: how many, the space between them, an optional rule in that space, and the line-breaking
/// parameters narrow columns need; the title block spans them all.
public struct ColumnSettings: Codable, Sendable, Equatable {
    /// How many columns the body is set in (1 to 6).
    public var count: Int
    /// The space between two columns.
    public var gutter: Length
    /// The thickness of a rule drawn in the middle of each gutter; 0 for none.
    public var rule: Length
    /// The rule's colour (`#rrggbb`).
    public var ruleColor: String
    /// Changes to `lineBreaking` for text set in the columns, which are narrower than the text block.
    public var lineBreaking: LineBreakingOverrides?
    /// Whether the body's lines sit on a grid of the body's leading, the same in every column and on every page, so
    /// that lines in neighbouring columns align.
    public var baselineGrid: Bool
    /// Whether a figure wider than a column (at its natural size) is set across the page, at the top of the next page,
    /// rather than shrunk into the column.
    public var spanFigures: Bool

    /// Columns as given; one column with no rule is the single-column page.
    public init(count: Int, gutter: Length, rule: Length = 0, ruleColor: String = "#000000", lineBreaking: LineBreakingOverrides? = nil,
                baselineGrid: Bool = false, spanFigures: Bool = false) {
        self.count = count
        self.gutter = gutter
        self.rule = rule
        self.ruleColor = ruleColor
        self.lineBreaking = lineBreaking
        self.baselineGrid = baselineGrid
        self.spanFigures = spanFigures
    }

    private enum CodingKeys: String, CodingKey { case count, gutter, rule, ruleColor, lineBreaking, baselineGrid, spanFigures }

    /// Reads the columns; the rule and its colour may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        count = try container.decode(Int.self, forKey: .count)
        gutter = try container.decode(Length.self, forKey: .gutter)
        rule = try container.decodeIfPresent(Length.self, forKey: .rule) ?? 0
        ruleColor = try container.decodeIfPresent(String.self, forKey: .ruleColor) ?? "#000000"
        lineBreaking = try container.decodeIfPresent(LineBreakingOverrides.self, forKey: .lineBreaking)
        baselineGrid = try container.decodeIfPresent(Bool.self, forKey: .baselineGrid) ?? false
        spanFigures = try container.decodeIfPresent(Bool.self, forKey: .spanFigures) ?? false
    }

    /// The width of one column in a text block `textWidth` wide.
    public func width(in textWidth: Double) -> Double {
        (textWidth - Double(count - 1) * gutter.points) / Double(count)
    }

    /// The left edge of column `index` (0 is the first in reading order), `rightToLeft` putting the first on the right.
    public func left(of index: Int, in textWidth: Double, rightToLeft: Bool) -> Double {
        let position = rightToLeft ? count - 1 - index : index
        return Double(position) * (width(in: textWidth) + gutter.points)
    }
}

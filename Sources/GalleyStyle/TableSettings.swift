/// How tables are ruled and padded.
public struct TableSettings: Codable, Sendable, Equatable {
    /// Space between a cell's text and its edges.
    public var cellPadding: Length
    /// The rule between body rows; 0 for none.
    public var ruleThickness: Length
    /// The rules above and below the header rows.
    public var headerRuleThickness: Length
    /// The rules' colour as `#rrggbb`.
    public var ruleColor: String
}

/// Chooses where the lines of a paragraph end.
public protocol LineBreaker: Sendable {
    /// Breaks `nodes` into lines of the widths `widths` gives (by line number, from 0).
    ///
    /// The list must end with a forced break; the last `LineBreak` is at that break.
    func breakLines(_ nodes: [Node], widths: LineWidths, parameters: BreakParameters) -> [LineBreak]
}

/// The measure of each line of a paragraph: a list whose last entry repeats.
public struct LineWidths: Sendable, Equatable {
    /// The widths of the first lines; the last one applies to all later lines.
    public var widths: [Double]

    /// Every line `width` wide.
    public init(_ width: Double) { widths = [width] }
    /// Lines as listed, the last repeating.
    public init(_ widths: [Double]) { self.widths = widths.isEmpty ? [0] : widths }

    /// The width of line `index`.
    public func width(ofLine index: Int) -> Double { widths[min(index, widths.count - 1)] }
}

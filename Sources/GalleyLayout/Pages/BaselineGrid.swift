/// The lines a page's paragraphs sit on: one every `step` points down a frame, the first `firstBaseline` below its
/// top, so that a line set on it in one column is level with its neighbour in the next, and on every page alike.
public struct BaselineGrid: Sendable, Equatable {
    /// The distance between grid lines: the body's leading.
    public var step: Double
    /// The first grid line's distance from the top of a frame: a body line's baseline in its box.
    public var firstBaseline: Double

    /// A grid of `step`, its first line `firstBaseline` down.
    public init(step: Double, firstBaseline: Double) {
        self.step = step
        self.firstBaseline = firstBaseline
    }

    /// How far below a frame's top to set a box whose baseline is `baseline` below the box's top, so that the baseline
    /// is on the first grid line at or below where it would stand if the box were set at `y`.
    public func top(forBaseline baseline: Double, below y: Double) -> Double {
        // A millionth of a point of slack, so that a line already on the grid is not pushed a whole step by rounding.
        let line = ((y + baseline - firstBaseline) / step - 1e-6).rounded(.up)
        return max(y, line * step + firstBaseline - baseline)
    }

    /// The first grid line's distance at or below `y`, counted from the top.
    public func roundedUp(_ y: Double) -> Double {
        ((y / step) - 1e-6).rounded(.up) * step
    }

    /// Whether `height` is one step of the grid (within a hundredth of a point): a line set at the body's leading.
    public func isStep(_ height: Double) -> Bool {
        abs(height - step) < 0.01
    }

    /// Whether a baseline `y` below a frame's top is on a grid line (within a hundredth of a point).
    public func holds(baseline y: Double) -> Bool {
        let lines = (y - firstBaseline) / step
        return abs(lines - lines.rounded()) * step < 0.01
    }
}

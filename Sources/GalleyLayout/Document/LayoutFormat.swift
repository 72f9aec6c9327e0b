import Foundation

/// Number formatting shared by every textual dump, so dumps compare stably across machines.
public enum LayoutFormat {
    /// `value` rounded to 0.01, without trailing zeros (`12.5`, `3`, `-0.25`).
    public static func number(_ value: Double) -> String {
        var rounded = (value * 100).rounded() / 100
        if rounded == 0 { rounded = 0 }
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}

import Foundation

/// The size label CMSs show next to attachments: binary units, one decimal (`906.7 KiB`, `906,7 Kio`).
public enum SizeLabel {
    /// `bytes` in the largest of `units` (bytes, KiB, MiB, GiB) that keeps the number under 1024, with one decimal
    /// written with `decimalSeparator`.
    public static func make(bytes: Int, units: [String] = ["B", "KiB", "MiB", "GiB"], decimalSeparator: String = ".") -> String {
        let names = units.count == 4 ? units : ["B", "KiB", "MiB", "GiB"]
        if bytes < 1024 { return "\(bytes) \(names[0])" }
        var value = Double(bytes)
        for unit in names.dropFirst() {
            value /= 1024
            if value < 1024 || unit == names[3] {
                let number = String(format: "%.1f", value)
                return (decimalSeparator == "." ? number : number.replacingOccurrences(of: ".", with: decimalSeparator)) + " " + unit
            }
        }
        return "\(bytes) \(names[0])"
    }
}

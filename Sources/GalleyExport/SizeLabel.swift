import Foundation

/// The size label CMSs show next to attachments: binary units, one decimal (`906.7 KiB`).
public enum SizeLabel {
    /// `bytes` as `B`, `KiB`, `MiB` or `GiB` with one decimal.
    public static func make(bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        var value = Double(bytes)
        for unit in ["KiB", "MiB", "GiB"] {
            value /= 1024
            if value < 1024 || unit == "GiB" { return String(format: "%.1f %@", value, unit) }
        }
        return "\(bytes) B"
    }
}

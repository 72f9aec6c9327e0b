import Foundation

/// The size label CMSs show next to attachments: binary units, one decimal (`906.7 KiB`, `906,7 Kio`).
public enum SizeLabel {
    /// `bytes` in the largest of `units` (bytes, KiB, MiB, GiB) that keeps the number under 1024, with one decimal
    /// written with `decimalSeparator`.
    public static func make(bytes: Int, units: [String] = ["B", "KiB", "MiB", "GiB"], decimalSeparator: String = ".") -> String {
        let names = units.count == 4 ? units : ["B", "KiB", "MiB", "GiB"]
        if bytes < 1024 { return "\(bytes) \(names[0])" }
        for step in 1...3 {
            let scale = 1 << (10 * step)
            if bytes < 1024 * scale || step == 3 {
                let tenths = roundedTenths(bytes, per: scale)
                return "\(tenths / 10)\(decimalSeparator)\(tenths % 10) \(names[step])"
            }
        }
        return "\(bytes) \(names[0])"
    }

    /// `bytes / scale` in tenths, rounded as `printf("%.1f")` rounds it: to nearest, a tie to even.
    ///
    /// Worked in integers because `String(format:)` is the first variadic call of a render, and its argument boxing
    /// costs a scan of every protocol conformance in the executable (docs/architecture-notes.md). Dividing by a power
    /// of two is exact in a double, so printf rounded this same rational number, and the labels are unchanged.
    static func roundedTenths(_ bytes: Int, per scale: Int) -> Int {
        let (quotient, remainder) = (bytes * 10).quotientAndRemainder(dividingBy: scale)
        if 2 * remainder > scale || (2 * remainder == scale && quotient % 2 == 1) { return quotient + 1 }
        return quotient
    }
}

/// Numbers as a page's content writes them: integers, decimals rounded to a few places with no trailing zeros, and
/// two-byte codes in hexadecimal.
public enum PDFNumbers {
    /// Appends `value` in decimal.
    public static func append(_ value: Int, to output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { output.append(buffer[index]) }
        }
    }

    /// Appends `value` rounded to `places` decimal places (at most 6), without trailing zeros; a value too large for
    /// a page (beyond 2^52 in the last place) is written as 0.
    public static func append(_ value: Double, places: Int = 3, to output: inout [UInt8]) {
        let places = max(0, min(places, 6))
        var unit = 1
        for _ in 0..<places { unit *= 10 }
        let scaled = (value * Double(unit)).rounded()
        guard scaled.isFinite, abs(scaled) < 4.5e15 else {
            output.append(UInt8(ascii: "0"))
            return
        }
        var fixed = Int(scaled)
        if fixed < 0 {
            output.append(UInt8(ascii: "-"))
            fixed = -fixed
        }
        append(fixed / unit, to: &output)
        var fraction = fixed % unit
        guard fraction != 0 else { return }
        var width = places
        while fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        output.append(UInt8(ascii: "."))
        var divisor = 1
        for _ in 1..<max(width, 1) { divisor *= 10 }
        while divisor > 0 {
            output.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }

    /// Appends `value` as four hexadecimal digits.
    @inline(__always)
    public static func appendHex(_ value: UInt16, to output: inout [UInt8]) {
        @inline(__always) func digit(_ nibble: UInt16) -> UInt8 {
            UInt8(truncatingIfNeeded: nibble < 10 ? nibble + 48 : nibble + 55)
        }
        output.append(digit(value >> 12))
        output.append(digit((value >> 8) & 0xF))
        output.append(digit((value >> 4) & 0xF))
        output.append(digit(value & 0xF))
    }
}

import CFormatHooks
import Foundation
import Testing

/// Galley's `__snprintf_chk` prints one-integer formats itself, byte for byte as glibc does, and passes every other
/// format on (`Sources/CFormatHooks`).
struct FormatHooksTests {
    /// What `format` gives with `arguments` in a buffer of `size` bytes, and the returned length: by Galley's integer
    /// printer when `ours`, else by glibc's `vsnprintf`.
    private func printed(_ format: String, _ arguments: [any CVarArg], size: Int, ours: Bool, fixed: Bool = false) -> (text: [UInt8], length: Int32) {
        var buffer = [UInt8](repeating: 0xAA, count: size + 4)
        let length = buffer.withUnsafeMutableBufferPointer { bytes in
            bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { text in
                withVaList(arguments) { list in
                    guard ours else { return vsnprintf(text, size, format, list) }
                    return fixed ? galley_format_fixed(text, size, format, list) : galley_format_integer(text, size, format, list)
                }
            }
        }
        return (buffer, length)
    }

    @Test func fixedPointNumbersAreGlibcsDigits() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 0.0625, 1e-7, 5e-7, -5e-7, 0.1, 0.05,
                                0.9999995, 999999.9999995, 841.89, 595.28, 12.345678, 1e15, 9007199254740991, -9007199254740991,
                                Double.leastNonzeroMagnitude, -Double.leastNormalMagnitude, 1.0 / 3, 2.0 / 3, 72.0 / 7]
        // Random magnitudes from 1e-20 to 1e15, and values on a 1/1024 grid (exact binary fractions, so ties).
        values += (0..<400).map { _ in
            Double.random(in: 1...10, using: &generator) * pow(10, Double(Int.random(in: -20...14, using: &generator)))
                * (Bool.random(using: &generator) ? 1 : -1)
        }
        values += (0..<200).map { _ in Double(Int.random(in: -2_000_000...2_000_000, using: &generator)) / 1024 }
        var compared = 0
        for value in values {
            for size in [0, 1, 4, 64] {
                for format in ["%f", "%.0f", "%.1f", "%.3f", "%.6f", "%.18f"] {
                    #expect(printed(format, [value], size: size, ours: true, fixed: true) == printed(format, [value], size: size, ours: false),
                            "\(format) \(value) in \(size) bytes")
                    compared += 1
                }
                for precision: Int32 in [0, 2, 7, 17, 18] {
                    #expect(printed("%.*f", [precision, value], size: size, ours: true, fixed: true) == printed("%.*f", [precision, value], size: size, ours: false),
                            "%.*f \(precision) \(value)")
                    compared += 1
                }
            }
        }
        #expect(compared > 20_000)
        // Beyond 2^53, infinities, NaNs and other shapes are glibc's.
        for (format, value) in [("%f", 9007199254740992.0), ("%f", Double.infinity), ("%f", Double.nan), ("%.19f", 1.0), ("%e", 1.0), ("%5f", 1.0), ("%.f", 1.0)] {
            #expect(printed(format, [value], size: 64, ours: true, fixed: true).length < 0, "\(format) \(value)")
        }
    }

    @Test func theProcessUsesGalleysDefinition() {
        // cairo's calls resolve to the executable's definition; without it the fast path would be dead code.
        #expect(galley_format_hooks_active() == 1)
    }

    @Test func integersArePrintedAsGlibcPrintsThem() {
        let ints: [Int32] = [0, 1, -1, 7, 9, 10, 15, 16, 255, 256, 1000, -1000, 65535, 12345678, Int32.max, Int32.min]
        let longs: [Int] = [0, -1, 1 << 40, -(1 << 40), Int.max, Int.min]
        var generator = SystemRandomNumberGenerator()
        let randomInts = (0..<200).map { _ in Int32.random(in: .min ... .max, using: &generator) }
        let sizes = [0, 1, 2, 3, 5, 8, 64]
        var compared = 0
        for format in ["%d", "%i", "%u", "%x", "%X", "%o", "%05d", "%08x", "%3d", "%04X", "%010u", "%2x"] {
            for value in ints + randomInts {
                for size in sizes {
                    let expected = printed(format, [value], size: size, ours: false)
                    #expect(printed(format, [value], size: size, ours: true) == expected, "\(format) \(value) in \(size) bytes")
                    compared += 1
                }
            }
        }
        for format in ["%ld", "%lu", "%lx", "%lX", "%012lx", "%20ld"] {
            for value in longs {
                for size in sizes {
                    #expect(printed(format, [value], size: size, ours: true) == printed(format, [value], size: size, ours: false), "\(format) \(value)")
                    compared += 1
                }
            }
        }
        // The width cairo passes as an argument ("%0*x", a CID font's glyph number in 4 hex digits).
        for width: Int32 in [0, 1, 2, 4, 6] {
            for value: Int32 in [0, 5, 0x3a, 0x1234, 0xfffe, -1] {
                for size in sizes {
                    for format in ["%0*x", "%*d"] {
                        #expect(printed(format, [width, value], size: size, ours: true) == printed(format, [width, value], size: size, ours: false),
                                "\(format) \(width) \(value)")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared > 15_000)
    }

    @Test func everyOtherFormatIsLeftToGlibc() {
        for format in ["%s", "%f", "%g", "%c", "%%", "x%d", "%d ", "%d%d", "%.3d", "%-5d", "%+d", "% d", "%hd", "%lld", "%zu", "%#x", "", "%"] {
            #expect(printed(format, [Int32(5), Int32(6)], size: 32, ours: true).length == -2, "\(format)")
        }
        // Widths up to 1,000 are printed here, wider ones left to glibc (the printer's own buffer holds 1,000).
        for size in [0, 8, 1100] {
            #expect(printed("%1000d", [Int32(-42)], size: size, ours: true) == printed("%1000d", [Int32(-42)], size: size, ours: false))
            #expect(printed("%01000x", [Int32(42)], size: size, ours: true) == printed("%01000x", [Int32(42)], size: size, ours: false))
        }
        for format in ["%1001d", "%9999d", "%99999999999d"] {
            #expect(printed(format, [Int32(5)], size: 32, ours: true).length == -2, "\(format)")
        }
        #expect(printed("%*d", [Int32(1001), Int32(5)], size: 32, ours: true).length < 0)
        // A negative width from the arguments (left-justified) is left to glibc too.
        #expect(printed("%*d", [Int32(-4), Int32(5)], size: 32, ours: true).length < 0)
    }
}

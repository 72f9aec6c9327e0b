import CFormatHooks
import Foundation
import Testing

/// Galley's `__snprintf_chk` prints one-integer formats itself, byte for byte as glibc does, and passes every other
/// format on (`Sources/CFormatHooks`).
struct FormatHooksTests {
    /// What `format` gives with `arguments` in a buffer of `size` bytes, and the returned length: by Galley's integer
    /// printer when `ours`, else by glibc's `vsnprintf`.
    private func printed(_ format: String, _ arguments: [any CVarArg], size: Int, ours: Bool) -> (text: [UInt8], length: Int32) {
        var buffer = [UInt8](repeating: 0xAA, count: size + 4)
        let length = buffer.withUnsafeMutableBufferPointer { bytes in
            bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { text in
                withVaList(arguments) { list in
                    ours ? galley_format_integer(text, size, format, list) : vsnprintf(text, size, format, list)
                }
            }
        }
        return (buffer, length)
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
        // A negative width from the arguments (left-justified) is left to glibc too.
        #expect(printed("%*d", [Int32(-4), Int32(5)], size: 32, ours: true).length < 0)
    }
}

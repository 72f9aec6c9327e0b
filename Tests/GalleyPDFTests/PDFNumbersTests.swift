import Foundation
import GalleyPDF
import Testing

/// The numbers Galley's text operators write: decimals as C's `%.Nf` rounds them (ties aside), without trailing
/// zeros, and integers and codes as they are.
@Suite struct PDFNumbersTests {
    /// `value` as `%.Nf` prints it, trailing zeros and a bare point dropped.
    private static func expected(_ value: Double, places: Int) -> String {
        var text = String(format: "%.*f", places, value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    private static func written(_ value: Double, places: Int) -> String {
        var bytes: [UInt8] = []
        PDFNumbers.append(value, places: places, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func decimalsMatchPrintf() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var checked = 0
        for _ in 0..<20_000 {
            let magnitude = [1.0, 10, 1000, 100_000][Int(next() * 4)]
            let value = (next() - 0.5) * 2 * magnitude
            for places in [0, 3, 5] {
                // A value whose scaled form lies on a half is rounded away from zero here and to even by printf:
                // both are within the last place, so such values are left out.
                let scaled = abs(value) * pow(10, Double(places))
                guard abs(scaled - scaled.rounded(.down) - 0.5) > 1e-6 else { continue }
                #expect(Self.written(value, places: places) == Self.expected(value, places: places), "\(value) to \(places) places")
                checked += 1
            }
        }
        #expect(checked > 50_000)
        for (value, text) in [(0.0, "0"), (-0.0004, "0"), (1.5, "1.5"), (-2.25, "-2.25"), (841.89, "841.89"), (0.1 + 0.2, "0.3"),
                              (12.0, "12"), (-0.05, "-0.05"), (999.9996, "1000")] {
            #expect(Self.written(value, places: 3) == text, "\(value)")
        }
        #expect(Self.written(.nan, places: 3) == "0")
        #expect(Self.written(1e300, places: 3) == "0")
    }

    @Test func integersAndCodes() {
        for value in [0, 7, -7, 10, -10, 1234567, Int.max, Int.min + 1] {
            var bytes: [UInt8] = []
            PDFNumbers.append(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        }
        var codes: [UInt8] = []
        for code: UInt16 in [0, 0x0A, 0xBEEF, 0xFFFF] { PDFNumbers.appendHex(code, to: &codes) }
        #expect(String(decoding: codes, as: UTF8.self) == "0000000ABEEFFFFF")
    }
}

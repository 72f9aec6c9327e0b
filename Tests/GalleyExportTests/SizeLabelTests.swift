import Foundation
import Testing
@testable import GalleyExport

/// The size label is worked out in integers; these compare it with the `printf("%.1f")` it replaced.
struct SizeLabelTests {
    @Test func everyUnitRoundsAsPrintfDid() {
        // Sizes around every tenth and every tie of each unit, and a fixed pseudo-random spread up to 40 GiB.
        var sizes: [Int] = [1024, 1280, 1331, 928_461, 1_048_535, 1_048_576, 1_073_741_823, 5 << 29, 3 << 30, 43 << 30]
        for scale in [1 << 10, 1 << 20, 1 << 30] {
            for tenth in stride(from: 10, to: 10_250, by: 7) {
                let exact = tenth * scale / 10
                sizes += [exact - 1, exact, exact + 1, exact + scale / 20, exact + scale / 20 - 1, exact + scale / 20 + 1]
            }
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            sizes.append(1024 + Int(state >> 28) % (40 << 30))
        }
        var mismatches: [String] = []
        for bytes in sizes where bytes >= 1024 {
            let label = SizeLabel.make(bytes: bytes)
            if label != printfLabel(bytes) { mismatches.append("\(bytes): \(label) against \(printfLabel(bytes))") }
        }
        let firstMismatches = Array(mismatches.prefix(5))
        #expect(firstMismatches.isEmpty, "\(mismatches.count) of \(sizes.count) sizes are labelled differently")
    }

    @Test func tiesGoToTheEvenTenth() {
        #expect(SizeLabel.make(bytes: 1280) == "1.2 KiB")   // 1.25 KiB exactly
        #expect(SizeLabel.make(bytes: 1408) == "1.4 KiB")   // 1.375: below the tie
        #expect(SizeLabel.make(bytes: 1_382_400) == "1.3 MiB") // 1.318…
        #expect(SizeLabel.make(bytes: 1_048_535) == "1024.0 KiB", "just under a MiB stays in KiB, as before")
        #expect(SizeLabel.make(bytes: 928_461, units: ["o", "Kio", "Mio", "Gio"], decimalSeparator: ",") == "906,7 Kio")
    }

    /// The label as it was made before: Foundation's `String(format:)` over the size divided in doubles.
    private func printfLabel(_ bytes: Int) -> String {
        let names = ["B", "KiB", "MiB", "GiB"]
        var value = Double(bytes)
        for unit in names.dropFirst() {
            value /= 1024
            if value < 1024 || unit == names[3] { return String(format: "%.1f", value) + " " + unit }
        }
        return ""
    }
}

import Foundation
@testable import GalleyPDF
import Testing

/// Damaged files end in a thrown error or a finished file, never in a crash, through both object stores.
@Suite struct DamagedInputTests {
    @Test func truncatedAndGarbledFilesNeverCrashTheFinisher() throws {
        let document = Samples.draw()
        let original = [UInt8](document.finish())
        // A fixed linear congruential sequence, so that a failure can be replayed.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var finished = 0, refused = 0
        for round in 0..<120 {
            var bytes = original
            if round % 3 == 0 {
                bytes.removeSubrange(next(bytes.count)...)
            } else {
                for _ in 0..<(1 + next(8)) { bytes[next(bytes.count)] = UInt8(next(256)) }
            }
            do {
                _ = try PDFFinisher.finish(Data(bytes), structure: Samples.structure, marks: document.marks,
                                           annotations: document.annotations, metadata: Samples.metadata, options: PDFFinishOptions())
                finished += 1
            } catch {
                refused += 1
            }
        }
        #expect(finished + refused == 120)
    }
}

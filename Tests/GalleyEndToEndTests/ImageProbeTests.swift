import Foundation
import GalleyRender
import Testing

/// Checks that image probing reads sizes from headers and refuses files whose headers are not what they claim.
@Suite struct ImageProbeTests {
    private func write(_ bytes: [UInt8], as name: String) throws -> URL {
        let url = try Workspace.temporaryFolder().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    @Test func theExamplesAreProbedWithTheirPixelSizes() throws {
        let images = Workspace.root.appendingPathComponent("Examples/images")
        let badge = try ImageProbe.probe(images.appendingPathComponent("union-badge.png"))
        #expect(badge.format == .png && badge.pixelWidth == 400 && badge.pixelHeight == 400)
        let cmyk = try ImageProbe.probe(images.appendingPathComponent("power-station-cmyk.jpg"))
        #expect(cmyk.format == .jpeg && cmyk.isCMYK && cmyk.pixelWidth == 450 && cmyk.pixelHeight == 280)
    }

    @Test func pngHeadersThatPNGDoesNotAllowAreRefused() throws {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        func header(width: UInt32, height: UInt32, depth: UInt8, colour: UInt8) -> [UInt8] {
            let size = [width, height].flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
            return signature + [0, 0, 0, 13] + Array("IHDR".utf8) + size + [depth, colour, 0, 0, 0] + [0, 0, 0, 0]
        }
        let good = try ImageProbe.probe(try write(header(width: 640, height: 480, depth: 8, colour: 6), as: "good.png"))
        #expect(good.pixelWidth == 640 && good.pixelHeight == 480)
        let refused: [(String, [UInt8])] = [
            ("cut short", Array(header(width: 640, height: 480, depth: 8, colour: 6).prefix(20))),
            ("zero width", header(width: 0, height: 480, depth: 8, colour: 6)),
            ("RGB at 4 bits", header(width: 640, height: 480, depth: 4, colour: 2)),
            ("colour type 5", header(width: 640, height: 480, depth: 8, colour: 5)),
            ("another chunk first", signature + [0, 0, 0, 13] + Array("gAMA".utf8) + Array(repeating: 1, count: 17)),
        ]
        for (reason, bytes) in refused {
            do {
                _ = try ImageProbe.probe(try write(bytes, as: "bad.png"))
                Issue.record("a PNG header with \(reason) was accepted")
            } catch {
                #expect("\(error)" == "is not a readable PNG", "\(reason)")
            }
        }
    }
}

import Foundation
import GalleyFiles
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

    @Test func limitsAreCheckedFromTheHeaderAlone() throws {
        // Only the first bytes are read: a 20000 × 20000 PNG header needs no image data to be judged.
        let huge = try ImageProbe.examine(try write([UInt8](HostileImages.png(width: 20000, height: 20000).prefix(33)), as: "huge.png"))
        #expect(huge.fit == .downsamplable(reason: "20000 × 20000 pixels (400 Mpx) is more than the limit of 150 Mpx (image-pixels)"))
        let interlaced = try ImageProbe.examine(try write([UInt8](HostileImages.png(width: 20000, height: 20000, interlaced: true)), as: "i.png"))
        guard case .tooLarge(_, let obstacle) = interlaced.fit else { Issue.record("\(interlaced.fit)"); return }
        #expect(obstacle.hasPrefix("an interlaced PNG is decoded whole before it is downsampled"))
        let progressive = try ImageProbe.examine(try write([UInt8](try HostileImages.jpeg("power-station.jpg", width: 32767, height: 32767, progressive: true)),
                                                           as: "p.jpg"))
        guard case .tooLarge(_, let coefficients) = progressive.fit else { Issue.record("\(progressive.fit)"); return }
        #expect(coefficients.hasPrefix("a progressive JPEG keeps all its coefficients"))
        // An RGB JPEG is passed through, never decoded: within image-pixels it fits, whatever it would decode to.
        let passed = try ImageProbe.examine(try write([UInt8](try HostileImages.jpeg("power-station.jpg", width: 12000, height: 12000)), as: "rgb.jpg"))
        #expect(passed.fit == .fits)
        var tight = Limits()
        tight.decodedImageBytes = 1_000_000
        let decoded = try ImageProbe.examine(try write([UInt8](HostileImages.png(width: 1000, height: 1000)), as: "m.png"), limits: tight)
        #expect(decoded.fit == .downsamplable(reason: "1000 × 1000 pixels take 4 MB to decode, more than the limit of 1 MB (decoded-image-bytes)"))
    }

    @Test func otherFormatsAndSVGReferencesAreNamed() throws {
        do {
            _ = try ImageProbe.examine(try write(Array("GIF89a".utf8) + [1, 0, 1, 0], as: "animated.png"))
            Issue.record("a GIF was accepted")
        } catch {
            #expect("\(error)" == "is a GIF image; Galley draws JPEG, PNG and SVG only (convert it to PNG or JPEG)")
        }
        let svg = ##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><style>@import "theme.css"; rect { fill: url(#g) }</style>"##
            + ##"<image href = 'photo.jpg'/><image href="data:image/png;base64,AAAA"/><use xlink:href="other.svg#x"/><use href="#local"/></svg>"##
        let examined = try ImageProbe.examine(try write(Array(svg.utf8), as: "refs.svg"))
        #expect(examined.reference.format == .svg && examined.fit == .fits)
        #expect(examined.unreadReferences == ["photo.jpg", "other.svg#x", "theme.css"])
    }
}

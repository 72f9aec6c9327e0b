import Foundation
import Testing
import GalleyLayout
import GalleyModel
import GalleyStyle

/// Builders of several threads share the texts they shape; what one shaped, another takes without shaping it again,
/// in objects of its own.
@Suite struct SharedShapesTests {
    static let font = FontRequest(family: "Fixed", size: 10)

    @Test func aWordShapedByOneBuilderIsNotShapedByAnother() throws {
        let shared = SharedShapes()
        let (firstShaper, secondShaper) = (FixedWidthShaper(), FixedWidthShaper())
        let parameters = try NodeListBuilderTests.parameters()
        let first = NodeListBuilder(shaper: firstShaper, hyphenator: NoHyphenation(), parameters: parameters)
        let second = NodeListBuilder(shaper: secondShaper, hyphenator: NoHyphenation(), parameters: parameters)
        let lone = NodeListBuilder(shaper: FixedWidthShaper(), hyphenator: NoHyphenation(), parameters: parameters)
        first.sharedShapes = shared
        second.sharedShapes = shared
        let made = first.shape("Solidarität", font: Self.font, language: "de")
        let taken = second.shape("Solidarität", font: Self.font, language: "de")
        #expect(firstShaper.shapedTexts == ["Solidarität"])
        #expect(secondShaper.shapedTexts.isEmpty, "the second builder shaped \(secondShaper.shapedTexts)")
        #expect(taken == made && taken == lone.shape("Solidarität", font: Self.font, language: "de"))
        // Other settings are other entries: a size or a language the first builder never shaped with is shaped.
        _ = second.shape("Solidarität", font: FontRequest(family: "Fixed", size: 12), language: "de")
        _ = second.shape("Solidarität", font: Self.font, language: "en")
        #expect(secondShaper.shapedTexts == ["Solidarität", "Solidarität"])
    }

    @Test func aRunTakenFromAnotherThreadSharesNoObjectWithIt() {
        let run = GlyphRun(face: FixedWidthShaper.face, size: 10, text: "a text longer than fifteen bytes",
                           glyphs: (0..<30).map { Glyph(id: UInt32($0), advance: 5, cluster: $0) })
        let copy = run.unshared()
        #expect(copy == run)
        run.glyphs.withUnsafeBufferPointer { original in
            copy.glyphs.withUnsafeBufferPointer { copied in #expect(original.baseAddress != copied.baseAddress) }
        }
        var originalText = run.text, copiedText = copy.text
        originalText.withUTF8 { original in
            copiedText.withUTF8 { copied in #expect(original.baseAddress != copied.baseAddress) }
        }
    }
}

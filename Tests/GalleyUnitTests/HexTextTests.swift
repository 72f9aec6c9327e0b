import Foundation
import GalleyFiles
import Testing

/// Cache names and digests are written without Foundation's formatter; they must read exactly as before.
@Suite struct HexTextTests {
    @Test func everyByteIsWrittenAsTheFormatterWroteIt() {
        let bytes = (0...255).map(UInt8.init)
        #expect(HexText.lowercase(bytes) == bytes.map { String(format: "%02x", $0) }.joined())
        #expect(HexText.lowercase([]) == "")
        #expect(HexText.lowercase([0x00, 0x0f, 0xa0]) == "000fa0")
    }
}

import Foundation
@testable import GalleyPDF
import Testing

/// The syntax Galley's PDF store writes: integers as their decimal digits, names with anything but plain bytes as
/// `#xx`, and what it writes reads back as the same value.
@Suite struct PDFSyntaxWriteTests {
    private static func written(_ value: PDFValue) -> String {
        var bytes: [UInt8] = []
        PDFSyntax.write(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func integersAreTheirDecimalDigits() {
        var numbers = [0, 1, 9, 10, 11, 99, 100, 199, 1_000, 65_535, 1 << 31, 1_234_567_890_123, -1, -9, -10, -1_234_567, .max, .min]
        var generator = SystemRandomNumberGenerator()
        numbers += (0..<2_000).map { _ in Int.random(in: -100_000_000...100_000_000, using: &generator) }
        for number in numbers {
            #expect(Self.written(.integer(number)) == String(number))
            #expect(Self.written(.reference(number)) == "\(number) 0 R")
        }
    }

    @Test func namesKeepPlainBytesAndEscapeTheRest() {
        #expect(Self.written(.name("/Type")) == "/Type")
        #expect(Self.written(.name("/StructTreeRoot")) == "/StructTreeRoot")
        #expect(Self.written(.name("/")) == "/")
        #expect(Self.written(.name("/A B")) == "/A#20B")
        #expect(Self.written(.name("/x#y(z)")) == "/x#23y#28z#29")
        #expect(Self.written(.name("/Ünï")) == "/#DCn#EF")
        // A long name (beyond a string's inline bytes) is copied whole.
        let long = "/" + String(repeating: "Abcdefgh", count: 12)
        #expect(Self.written(.name(long)) == long)
    }

    @Test func aDictionaryReadsBackAsWritten() throws {
        let dictionary = PDFValue.dictionary(PDFDictionaryBox([
            ("/Type", .name("/StructElem")), ("/K", .array(PDFArrayBox([.integer(0), .integer(-17), .reference(4_321)]))),
            ("/T", .string(Array("a (b) c\\".utf8))), ("/S", .name("/Odd Name")),
        ]))
        let text = Self.written(dictionary)
        #expect(text == "<</Type /StructElem/K [0 -17 4321 0 R]/T (a \\(b\\) c\\\\)/S /Odd#20Name>>")
        let bytes = Array(text.utf8)
        let read = try bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            return try PDFSyntax.value(buffer, &index)
        }
        #expect(Self.written(read) == text)
    }
}

import Foundation
import GalleyDiagnostics
import GalleyIngest
import Testing

/// Messages quote the input's values whole when they are short, and cut them when they are not: a report line stays
/// a line, however large the field.
@Suite struct QuotedValueTests {
    @Test func shortValuesAreQuotedAsTheyAre() {
        #expect(QuotedValue.quote("pt-BR") == "\"pt-BR\"")
        #expect(QuotedValue.quote("") == "\"\"")
        #expect(QuotedValue.quote("日本語") == "\"日本語\"")
        let sixty = String(repeating: "é", count: QuotedValue.limit)
        #expect(QuotedValue.quote(sixty) == "\"\(sixty)\"")
    }

    @Test func longValuesAreCutWithTheirLength() {
        let long = String(repeating: "a", count: QuotedValue.limit) + String(repeating: "b", count: 1_000_000)
        let quoted = QuotedValue.quote(long)
        #expect(quoted == "\"\(String(repeating: "a", count: QuotedValue.limit))…\" (1000060 characters)")
    }

    @Test func controlCharactersAreWrittenAsEscapes() {
        #expect(QuotedValue.quote("en\n") == "\"en\\n\"")
        #expect(QuotedValue.quote("a\tb\r\u{0}\u{1B}\u{85}") == "\"a\\tb\\r\\u{0}\\u{1B}\\u{85}\"")
    }

    @Test func aHugeLanguageTagIsRefusedInOneShortLine() throws {
        let tag = String(repeating: "a", count: 1_800_000)
        let json = #"{"id": "x", "title": "T", "language": "\#(tag)", "blocks": [{"type": "paragraph", "content": "hi"}]}"#
        let diagnostic = try #require(IngestTestSupport.diagnostic { _ = try JSONArticleReader().read(Data(json.utf8), file: "big.json") })
        let line = diagnostic.description
        #expect(line.count < 300, "\(line.prefix(300))")
        #expect(line.contains("1800000 characters") && line.contains("language"), "\(line)")
        #expect(!line.contains("\n"))
    }
}

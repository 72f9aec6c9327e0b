import Foundation
import GalleyIngest
import Testing

/// Checks that the JSON reader is reachable through the `ArticleReader` protocol.
@Suite struct JSONReaderSmokeTests {
    @Test func aMinimalArticleReadsThroughTheProtocol() throws {
        let json = #"{"id": 7, "title": "T", "blocks": [{"type": "paragraph", "content": "Hello"}]}"#
        let reader: any ArticleReader = JSONArticleReader()
        let results = try reader.articles(from: Data(json.utf8), file: "mini.json")
        #expect(results.count == 1)
        #expect(results.first?.article.id == "7")
        #expect(results.first?.article.body.first?.plainText == "Hello")
    }
}

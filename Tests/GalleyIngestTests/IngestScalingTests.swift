import Foundation
import GalleyIngest
import Testing

/// Reading time grows linearly with line breaks: ten times the breaks must take less than thirty times as long
/// (a copy of the paragraph at every break made 100,000 `<br>` quadratic). Timings are in `scripts/bench-scale.sh`.
@Suite(.serialized) struct IngestScalingTests {
    static func seconds(_ text: String, reader: any ArticleReader) throws -> Double {
        let data = Data(text.utf8)
        _ = try reader.articles(from: data, file: "scale")
        let clock = ContinuousClock()
        return try (0..<2).map { _ in
            var failure: (any Error)?
            let elapsed = clock.measure {
                do { _ = try reader.articles(from: data, file: "scale") } catch { failure = error }
            }
            if let failure { throw failure }
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }.min()!
    }

    static func expectLinear(_ make: (Int) -> String, small: Int, reader: any ArticleReader,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let ratio = try seconds(make(small * 10), reader: reader) / seconds(make(small), reader: reader)
        #expect(ratio < 30, "ten times the input took \(ratio) times as long", sourceLocation: sourceLocation)
    }

    @Test func htmlLineBreaks() throws {
        try Self.expectLinear({ count in
            "<html><head><title>Breaks</title></head><body><p>" + (0..<count).map { "line \($0)<br>" }.joined() + "</p></body></html>"
        }, small: 2_000, reader: HTMLArticleReader())
    }

    @Test func markdownHardBreaks() throws {
        try Self.expectLinear({ count in
            "# Breaks\n\n" + (0..<count).map { "line \($0)\\\n" }.joined() + "end\n"
        }, small: 2_000, reader: MarkdownArticleReader())
    }
}

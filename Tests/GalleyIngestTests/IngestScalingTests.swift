import Foundation
import GalleyIngest
import Testing

/// Reading time grows linearly with line breaks: ten times the breaks must take less than thirty times as long
/// (a copy of the paragraph at every break made 100,000 `<br>` quadratic). Timings are in `scripts/bench-scale.sh`.
@Suite(.serialized) struct IngestScalingTests {
    /// The CPU time this thread has used: unlike the wall clock, the test suites and processes running beside it on a
    /// loaded CI machine do not add to it (two runs of this suite failed on wall time under such load).
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func seconds(_ text: String, reader: any ArticleReader) throws -> Double {
        let data = Data(text.utf8)
        _ = try reader.articles(from: data, file: "scale")
        return try (0..<3).map { _ in
            let start = threadCPUSeconds()
            _ = try reader.articles(from: data, file: "scale")
            return threadCPUSeconds() - start
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

import Foundation
import GalleyLayout
import GalleyModel
import GalleyStyle
import Testing

/// Layout time grows linearly with line breaks, footnotes, blocks and the length of a word: each input is laid out
/// at two sizes ten times apart and the times compared. A quadratic cause (the campaign found 100,000 `<br>` taking
/// 141 s, 5,000 footnotes 16 s) makes the ratio about 100; linear work gives about 10, so 30 leaves room for noise
/// without letting a quadratic cost through. Timings themselves are in `scripts/bench-scale.sh`.
@Suite(.serialized) struct LayoutScalingTests {
    static let sheet = try! StyleSheetLoader(layoutsDirectory: StyleSheetLoaderTests.layouts).load("article-a4")

    static func typesetter() -> ArticleTypesetter {
        ArticleTypesetter(sheet: sheet, shaper: FixedWidthShaper(), hyphenator: NoHyphenation())
    }

    /// The CPU time this thread has used: unlike the wall clock, the suites and processes running beside it on a
    /// loaded CI machine do not add to it (a run failed on wall time, ratio 88, while two builds shared its cores).
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// CPU seconds one layout of `article` takes on a typesetter already warmed on it: layouts are repeated until
    /// 20 ms of CPU time have passed, so that cache effects of a preemption are spread over many of them.
    static func secondsPerLayout(_ typesetter: ArticleTypesetter, _ article: Article) -> Double {
        let start = threadCPUSeconds()
        var count = 0
        repeat {
            _ = typesetter.layout(article)
            count += 1
        } while threadCPUSeconds() - start < 0.02
        return (threadCPUSeconds() - start) / Double(count)
    }

    /// Asserts that ten times the input takes less than thirty times as long. The two sizes are measured in turns,
    /// five times each, and the fastest of each compared, so that load which comes and goes on a shared CI machine
    /// slows both alike or neither.
    static func expectLinear(_ name: String, small: Article, large: Article, sourceLocation: SourceLocation = #_sourceLocation) {
        let typesetter = typesetter()
        _ = typesetter.layout(small)
        _ = typesetter.layout(large)
        var smallBest = Double.infinity, largeBest = Double.infinity
        for _ in 0..<5 {
            smallBest = min(smallBest, secondsPerLayout(typesetter, small))
            largeBest = min(largeBest, secondsPerLayout(typesetter, large))
        }
        let ratio = largeBest / smallBest
        #expect(ratio < 30, "\(name): ten times the input took \(ratio) times as long", sourceLocation: sourceLocation)
    }

    static func article(_ body: [Block], footnotes: [Footnote] = []) -> Article {
        Article(id: "scale", title: "Scale", body: body, footnotes: footnotes)
    }

    @Test func lineBreaksInOneParagraph() {
        func breaks(_ count: Int) -> Article {
            Self.article([.paragraph((0..<count).flatMap { [Inline.text("line \($0)"), .lineBreak] })])
        }
        Self.expectLinear("line breaks", small: breaks(400), large: breaks(4_000))
    }

    @Test func footnotes() {
        func notes(_ count: Int) -> Article {
            Self.article((0..<count).map { .paragraph([.text("Claim \($0)"), .footnoteReference("n\($0)")]) },
                    footnotes: (0..<count).map { Footnote(id: "n\($0)", content: [.paragraph([.text("Note \($0).")])]) })
        }
        Self.expectLinear("footnotes", small: notes(300), large: notes(3_000))
    }

    @Test func blocks() {
        func paragraphs(_ count: Int) -> Article {
            Self.article((0..<count).map { .paragraph([.text("Paragraph \($0) with a few ordinary words in it.")]) })
        }
        Self.expectLinear("blocks", small: paragraphs(300), large: paragraphs(3_000))
    }

    @Test func oneLongWord() {
        func word(_ length: Int) -> Article { Self.article([.paragraph([.text(String(repeating: "a", count: length))])]) }
        Self.expectLinear("one long word", small: word(2_000), large: word(20_000))
    }

    @Test func anArticlePastThePageLimitStopsThere() {
        let typesetter = Self.typesetter()
        typesetter.maxPages = 3
        let long = Self.article((0..<400).map { .paragraph([.text("Paragraph \($0) with a few ordinary words in it.")]) })
        let layout = typesetter.layout(long)
        #expect(layout.quality.pageLimitExceeded)
        #expect(layout.pages.count == 3)
        typesetter.maxPages = 1_000
        let within = typesetter.layout(long)
        #expect(!within.quality.pageLimitExceeded)
        #expect(within.pages.count > 3)
    }
}

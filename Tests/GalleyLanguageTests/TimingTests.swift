import GalleyLanguage
import GalleyModel
import Testing

/// Rough cost of detection on a 10 KB article; prints the times and fails only when they are far off.
@Suite struct TimingTests {
    /// About 10 KB of UTF-8 in English paragraphs, with a German and an Arabic paragraph among them when `mixed`.
    private static func article(declared: Bool, mixed: Bool) -> Article {
        var body: [Block] = []
        while body.map({ $0.plainText.utf8.count }).reduce(0, +) < 10_000 {
            body.append(.paragraph([.text(Samples.english)]))
            if mixed, body.count % 12 == 5 { body.append(.paragraph([.text(Samples.german)])) }
            if mixed, body.count % 12 == 9 { body.append(.paragraph([.text(Samples.arabic)])) }
        }
        return Article(id: "timing", title: "The library budget", body: body, languageDeclared: declared)
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    @Test(arguments: [(true, false), (true, true), (false, true)])
    func annotatingA10KBArticleTakesLittleTime(declared: Bool, mixed: Bool) {
        let annotator = LanguageAnnotator()
        let article = Self.article(declared: declared, mixed: mixed)
        let runs = 100
        var marked = 0
        let elapsed = ContinuousClock().measure {
            for _ in 0..<runs {
                var copy = article
                marked = annotator.annotate(&copy).markedBlocks.count
            }
        }
        let each = Self.milliseconds(elapsed) / Double(runs)
        let bytes = article.body.map { $0.plainText.utf8.count }.reduce(0, +)
        print("annotate: \(bytes) bytes, \(article.body.count) blocks, declared \(declared), mixed \(mixed): \(each) ms, \(marked) marked")
        // Declared: the Arabic paragraphs only. Undeclared: the German ones too.
        #expect(marked == (mixed ? (declared ? 4 : 8) : 0))
        #expect(each < 100)
    }

    @Test func detectingTheLanguageOf10KBTakesLittleTime() {
        let text = Self.article(declared: true, mixed: false).body.map(\.plainText).joined(separator: "\n")
        let detector = LanguageDetector()
        let runs = 100
        let elapsed = ContinuousClock().measure { for _ in 0..<runs { _ = detector.detect(text) } }
        let each = Self.milliseconds(elapsed) / Double(runs)
        print("detect: \(text.utf8.count) bytes: \(each) ms")
        #expect(each < 100)
    }
}

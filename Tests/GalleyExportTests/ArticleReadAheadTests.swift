import Foundation
import GalleyExport
import GalleyFiles
import GalleyModel
import GalleyTestSupport
import Testing

/// `ArticleReadAhead` hands over each file as `ArticlePipeline.read` reads it, in order, and takes a head start
/// only when it was read the way the command reads.
///
/// Serialized: the head start is one per process, and a test that offers one must be the one that takes it.
@Suite(.serialized) struct ArticleReadAheadTests {
    private let seed = ExportHarness.root.appendingPathComponent("Examples/iv-9062.json").path
    private let russian = ExportHarness.root.appendingPathComponent("Examples/ru-profsoyuzy.json").path

    /// The titles of a file's articles, or the error's sentence.
    private func summary(_ result: Result<[SourcedArticle], any Error>) -> String {
        switch result {
        case .success(let articles): articles.map { "\($0.article.id): \($0.article.title)" }.joined(separator: "; ")
        case .failure(let error): "error: \(error)"
        }
    }

    private func direct(_ path: String, format: String? = nil, limits: Limits = Limits()) -> String {
        summary(Result { try ArticlePipeline.read(path, format: format, limits: limits) })
    }

    @Test func givesEveryFileInOrderAsTheReaderWould() throws {
        let folder = try ScratchFolders.make(prefix: "read-ahead")
        let broken = folder.appendingPathComponent("broken.json").path
        try Data("{\"id\": ".utf8).write(to: URL(fileURLWithPath: broken))
        let missing = folder.appendingPathComponent("missing.json").path
        let paths = [seed, broken, russian, missing, seed]
        let reads = ArticleReadAhead(paths, format: nil, limits: Limits())
        var given: [String] = []
        var outcomes: [String] = []
        while let outcome = reads.next() {
            given.append(outcome.path)
            outcomes.append(summary(outcome.articles))
        }
        #expect(given == paths)
        #expect(outcomes == paths.map { direct($0) })
        // The broken and missing files fail with the reader's own sentences; the others hold articles.
        #expect(outcomes[1].hasPrefix("error:") && outcomes[3].hasPrefix("error:"))
        #expect(!outcomes[0].hasPrefix("error:") && !outcomes[2].hasPrefix("error:"))
        #expect(reads.next() == nil)
    }

    @Test func takesAHeadStartForItsFirstFileReadTheDefaultWay() throws {
        // The head start answers with another file's articles, so taking it shows in what is handed over.
        let stand = try ArticlePipeline.read(russian, format: nil, limits: Limits())
        ArticleReadAhead.offer(seed) { stand }
        let reads = ArticleReadAhead([seed, russian], format: nil, limits: Limits())
        #expect(summary(try #require(reads.next()).articles) == direct(russian))
        #expect(summary(try #require(reads.next()).articles) == direct(russian))
        // It is taken once: the next read-ahead of the same file reads the file.
        let again = ArticleReadAhead([seed], format: nil, limits: Limits())
        #expect(summary(try #require(again.next()).articles) == direct(seed))
    }

    @Test func leavesAHeadStartReadAnotherWay() throws {
        let stand = try ArticlePipeline.read(russian, format: nil, limits: Limits())
        var strict = Limits()
        strict.nestingDepth = 50
        // Other limits, another format, another first file: each reads its own file, and the offer is gone.
        for (paths, format, limits) in [([seed], nil, strict), ([seed], "json", Limits()), ([russian, seed], nil, Limits())] as [([String], String?, Limits)] {
            ArticleReadAhead.offer(seed) { stand }
            let reads = ArticleReadAhead(paths, format: format, limits: limits)
            #expect(summary(try #require(reads.next()).articles) == direct(paths[0], format: format, limits: limits))
        }
    }

    @Test func readsTheFileWhenTheHeadStartCouldNot() throws {
        ArticleReadAhead.offer(seed) { nil }
        let reads = ArticleReadAhead([seed], format: nil, limits: Limits())
        #expect(summary(try #require(reads.next()).articles) == direct(seed))
    }

    @Test func guessesOnlyASmallArticleFileAmongTheWords() throws {
        let folder = try ScratchFolders.make(prefix: "read-guess")
        let big = folder.appendingPathComponent("big.json")
        try Data(count: ArticleReadAhead.guessedFileBytes + 1).write(to: big)
        let directory = folder.appendingPathComponent("folder.json")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let page = folder.appendingPathComponent("page.HTML")
        try Data("<p>x</p>".utf8).write(to: page)
        let layout = folder.appendingPathComponent("layout.yaml")
        try Data("a: 1".utf8).write(to: layout)

        #expect(ArticleReadAhead.likelyArticleFile(among: ["--layout", layout.path, "-o", "x.pdf", seed]) == seed)
        #expect(ArticleReadAhead.likelyArticleFile(among: [big.path, directory.path, "missing.json", page.path, seed]) == page.path)
        #expect(ArticleReadAhead.likelyArticleFile(among: ["-", "--from=json", big.path, layout.path]) == nil)
        #expect(ArticleReadAhead.likelyArticleFile(among: []) == nil)
    }

    @Test func aGuessReadsWithinItsOwnSizeLimit() throws {
        #expect(summary(.success(try #require(ArticleReadAhead.readGuess(seed)))) == direct(seed))
        let folder = try ScratchFolders.make(prefix: "read-guess")
        let big = folder.appendingPathComponent("big.json")
        try Data(count: ArticleReadAhead.guessedFileBytes + 1).write(to: big)
        #expect(ArticleReadAhead.readGuess(big.path) == nil)
    }
}

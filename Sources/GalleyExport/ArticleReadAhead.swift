import Foundation
import GalleyFiles
import GalleyPango
import Synchronization

/// A command's article files read on a thread of their own, each one file ahead of the one being set.
///
/// Reading a file (the strict JSON pass, decoding) and loading the hyphenation patterns of its articles' declared
/// languages need neither the layout nor the fonts. So while the command's own thread loads the layout and makes
/// its renderer, the first file is read beside it; and while one article is set and drawn, the next file is read.
/// Each file's result is handed over in the order given, as `ArticlePipeline.read` would have returned it, so what
/// a command prints and in which order does not change. At most two files' articles are held at once.
public final class ArticleReadAhead {
    /// One file's outcome: its articles, or why it could not be read.
    public typealias Outcome = (path: String, articles: Result<[SourcedArticle], any Error>)

    /// A file read before the command line was parsed, on the guess that it is the command's first file.
    private struct HeadStart: Sendable {
        var path: String
        /// The guessed file's articles when it was read, nil when it could not be; waited for once.
        var read: @Sendable () -> [SourcedArticle]?
    }

    /// The largest file read on a guess: an article, never an archive, whatever limits the command turns out to set.
    public static let guessedFileBytes = 1_000_000

    private static let headStart = Mutex<HeadStart?>(nil)

    /// The languages whose patterns this process has started loading: a thread is started once per language, not
    /// once per file of a batch.
    private static let patternsAsked = Mutex<Set<String>>([])

    private let paths: [String]
    private let format: String?
    private let limits: Limits
    private var nextIndex = 0
    private var pending: (() -> Result<[SourcedArticle], any Error>)?

    /// Starts reading `paths` (`-`: standard input) as `format` (nil: by extension) within `limits`; the first
    /// file is read at once, unless a head start read it already in the way these arguments ask.
    public init(_ paths: [String], format: String?, limits: Limits) {
        self.paths = paths
        self.format = format
        self.limits = limits
        // Only a file read with the default reading (by extension, default limits) and read whole is taken; any
        // failure is met again by reading it here, so that its message is the command's own.
        if let head = Self.headStart.withLock({ slot in defer { slot = nil }; return slot }),
           head.path == paths.first, format == nil, limits == Limits() {
            pending = {
                if let articles = head.read() { return .success(articles) }
                return Self.read(head.path, format: format, limits: limits)
            }
        } else {
            pending = start(0)
        }
    }

    /// The next file's outcome, waiting for it if it is still being read, and starts reading the one after; nil
    /// once every file has been given.
    public func next() -> Outcome? {
        guard nextIndex < paths.count, let pending else { return nil }
        let result = pending()
        let path = paths[nextIndex]
        nextIndex += 1
        self.pending = start(nextIndex)
        return (path, result)
    }

    /// Reads file `index` on a thread of its own; nil past the end.
    private func start(_ index: Int) -> (() -> Result<[SourcedArticle], any Error>)? {
        guard index < paths.count else { return nil }
        let path = paths[index]
        let format = format
        let limits = limits
        let value = ThreadValue { Self.read(path, format: format, limits: limits) }
        return { value.wait() }
    }

    /// Reads `path`, and starts loading the hyphenation patterns of its articles' declared languages beside it.
    private static func read(_ path: String, format: String?, limits: Limits) -> Result<[SourcedArticle], any Error> {
        let result = Result { try ArticlePipeline.read(path, format: format, limits: limits) }
        // An undeclared language is only a guess until the detector runs, at setting: nothing is loaded for it. The
        // patterns load on a thread of their own, so that the articles are handed over without waiting for them;
        // the typesetter's first hyphenation waits on the dictionary's own lock if they are still loading.
        if case .success(let articles) = result {
            let declared = articles.map(\.article).filter(\.languageDeclared).map(\.language)
            let languages = patternsAsked.withLock { asked in declared.filter { asked.insert($0).inserted } }
            if !languages.isEmpty { _ = ThreadValue { languages.forEach { LibHyphenHyphenator.preload($0) } } }
        }
        return result
    }

    /// The first of `arguments` (a command line's words after the command's name, not yet parsed) that looks like
    /// an article file: not an option, named with an extension Galley reads articles from, and a regular file of
    /// at most `guessedFileBytes`. A guess only: it may be an option's value, which the command will not read.
    public static func likelyArticleFile(among arguments: [String]) -> String? {
        let extensions = Set(ArticleSource.formats.values.joined())
        return arguments.first { word in
            guard !word.hasPrefix("-"), let dot = word.lastIndex(of: "."),
                  extensions.contains(word[word.index(after: dot)...].lowercased()) else { return false }
            var info = stat()
            return stat(word, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) <= guessedFileBytes
        }
    }

    /// The articles of `path` read as a head start (by extension, default limits, at most `guessedFileBytes`), with
    /// their languages' patterns loading; nil when it cannot be read so.
    public static func readGuess(_ path: String) -> [SourcedArticle]? {
        var limits = Limits()
        limits.fileBytes = min(limits.fileBytes, guessedFileBytes)
        return try? read(path, format: nil, limits: limits).get()
    }

    /// Offers the first `ArticleReadAhead` of the process the articles of `path`, which `read` waits for (nil when
    /// they could not be read).
    public static func offer(_ path: String, read: @escaping @Sendable () -> [SourcedArticle]?) {
        headStart.withLock { $0 = HeadStart(path: path, read: read) }
    }
}

import Foundation

/// The limits Galley holds every input to, so that no article can crash it, hang it or exhaust its memory.
///
/// Each has a default generous for real articles, a kebab-case name used by `--limit name=value`, and a sentence
/// for the documentation (`docs/limits.md` lists them all). Limits belong to the run, not to a layout.
public struct Limits: Sendable, Equatable, Codable {
    /// The largest article file read (an HTML page, a Markdown file, a WordPress archive), in bytes.
    public var fileBytes = 128 * 1_000_000
    /// The deepest nesting of YAML, JSON, HTML elements and lists (a quote in a list in a quote …).
    public var nestingDepth = 200
    /// The most entity references an XML or HTML file may expand.
    public var entityExpansions = 10_000
    /// The most bytes all entity expansions in one file may add.
    public var entityBytes = 10 * 1_000_000
    /// The largest image file read, in bytes.
    public var imageFileBytes = 64 * 1_000_000
    /// The most pixels an image may declare (width × height, read from its header before decoding).
    public var imagePixels = 150_000_000
    /// The most bytes an image may take once decoded (PNG and CMYK JPEG are decoded; RGB JPEG is embedded as it is).
    public var decodedImageBytes = 200 * 1_000_000
    /// The largest remote image downloaded, in bytes: the transfer stops as soon as it is passed.
    public var imageDownloadBytes = 32 * 1_000_000
    /// The most seconds one remote image may take to download, connecting and redirects included.
    public var imageDownloadSeconds = 30
    /// The most pages one article may fill.
    public var pagesPerArticle = 1_000
    /// The most seconds `export` lets one article take before it stops the worker process setting it.
    public var articleSeconds = 60
    /// The most problems listed for one file; readers that go on past an error stop listing there.
    public var errorsPerFile = 20

    /// The defaults.
    public init() {}

    /// One limit: its name, what it bounds, and where it is kept.
    public struct Key: Sendable {
        /// The kebab-case name (`image-pixels`).
        public let name: String
        /// What the limit bounds, for documentation and messages.
        public let summary: String
        /// The unit of its value, for documentation ("bytes", "pixels").
        public let unit: String
        /// Where the value is kept.
        public let keyPath: WritableKeyPath<Limits, Int> & Sendable
    }

    /// Every limit, in the order the documentation lists them.
    public static let keys: [Key] = [
        Key(name: "file-bytes", summary: "size of an article file (HTML, Markdown, JSON, WordPress archive)", unit: "bytes", keyPath: \.fileBytes),
        Key(name: "nesting-depth", summary: "nesting of YAML, JSON, HTML elements and lists", unit: "levels", keyPath: \.nestingDepth),
        Key(name: "entity-expansions", summary: "entity references expanded in one XML or HTML file", unit: "references", keyPath: \.entityExpansions),
        Key(name: "entity-bytes", summary: "bytes added by entity expansion in one file", unit: "bytes", keyPath: \.entityBytes),
        Key(name: "image-file-bytes", summary: "size of an image file", unit: "bytes", keyPath: \.imageFileBytes),
        Key(name: "image-pixels", summary: "width × height an image declares", unit: "pixels", keyPath: \.imagePixels),
        Key(name: "decoded-image-bytes", summary: "memory an image takes once decoded", unit: "bytes", keyPath: \.decodedImageBytes),
        Key(name: "image-download-bytes", summary: "size of a remote image downloaded", unit: "bytes", keyPath: \.imageDownloadBytes),
        Key(name: "image-download-seconds", summary: "time one remote image may take to download", unit: "seconds",
            keyPath: \.imageDownloadSeconds),
        Key(name: "pages-per-article", summary: "pages one article may fill", unit: "pages", keyPath: \.pagesPerArticle),
        Key(name: "article-seconds", summary: "time export gives one article before stopping its worker", unit: "seconds", keyPath: \.articleSeconds),
        Key(name: "errors-per-file", summary: "problems listed for one file before the rest are only counted", unit: "problems",
            keyPath: \.errorsPerFile),
    ]

    /// The limit called `name`, if there is one.
    public static func key(named name: String) -> Key? {
        keys.first { $0.name == name }
    }

    /// Sets the limit `name` from `value` (a whole number, optionally with a k, M or G suffix); throws a sentence
    /// naming what is wrong.
    public mutating func set(_ name: String, to value: String) throws(LimitError) {
        guard let key = Self.key(named: name) else {
            throw LimitError("unknown limit \"\(name)\" (expected one of \(Self.keys.map(\.name).joined(separator: ", ")))")
        }
        guard let number = Self.number(value), number > 0 else {
            throw LimitError("limit \(name) must be a positive whole number, optionally with k, M or G (e.g. 50M), not \"\(value)\"")
        }
        self[keyPath: key.keyPath] = number
    }

    /// Limits with each `name=value` of `assignments` applied in order.
    public func applying(_ assignments: [String]) throws(LimitError) -> Limits {
        var result = self
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw LimitError("--limit takes name=value (e.g. image-pixels=200M), not \"\(assignment)\"")
            }
            try result.set(String(assignment[..<equals]).trimmingCharacters(in: .whitespaces),
                           to: String(assignment[assignment.index(after: equals)...]).trimmingCharacters(in: .whitespaces))
        }
        return result
    }

    /// `text` as a whole number; `k`, `M` and `G` multiply by 10³, 10⁶ and 10⁹.
    static func number(_ text: String) -> Int? {
        let multipliers: [Character: Int] = ["k": 1_000, "K": 1_000, "M": 1_000_000, "G": 1_000_000_000]
        guard let last = text.last else { return nil }
        if let multiplier = multipliers[last] {
            guard let base = Int(text.dropLast()) else { return nil }
            let (product, overflow) = base.multipliedReportingOverflow(by: multiplier)
            return overflow ? nil : product
        }
        return Int(text)
    }
}

/// A limit named or valued wrongly, as a sentence.
public struct LimitError: Error, CustomStringConvertible, Sendable {
    /// The sentence.
    public let description: String

    /// A limit error saying `description`.
    public init(_ description: String) {
        self.description = description
    }
}

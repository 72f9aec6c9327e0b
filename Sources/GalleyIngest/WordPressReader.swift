import Foundation
import GalleyDiagnostics
import GalleyFiles
import GalleyModel

/// Reads posts as the WordPress REST API gives them (`/wp/v2/posts`): one post object or an array of them.
///
/// Author names and categories are only in the response when it was fetched with `?_embed`.
public struct WordPressReader: ArticleReader {
    /// The language of posts that do not name one (a `lang` field comes only from multilingual plugins).
    public var defaultLanguage: String
    /// The limits the file is held to (the nesting depth of its JSON and of each post's HTML).
    public var limits: Limits

    /// Creates a reader holding files to `limits`; posts without a `lang` field are taken to be in `defaultLanguage`.
    public init(defaultLanguage: String = "en", limits: Limits = Limits()) {
        self.defaultLanguage = defaultLanguage
        self.limits = limits
    }

    /// Whether `data` is JSON shaped like a WordPress post or list of posts (it has `content.rendered`).
    public static func recognizes(_ data: Data) -> Bool {
        // JSONSerialization refuses past 512 levels itself, and builds its objects without recursing in Swift.
        guard let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return false }
        let first = (json as? [Any])?.first ?? json
        return ((first as? [String: Any])?["content"] as? [String: Any])?["rendered"] is String
    }

    /// One article per post, in the order of the file.
    public func articles(from data: Data, file: String) throws -> [ReadResult] {
        let text = try TextInput.decode(data, file: file)
        // Foundation accepts trailing commas and places errors by byte offset; the strict walk names line and column.
        try JSONSyntax.check(text, file: file)
        try NestingScan.check(text, limit: limits.nestingDepth, file: file)
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw Self.syntaxDiagnostic(error, text: text, file: file)
        }
        let locator = Locator(text: text)
        let posts: [(object: Any, path: [AnyKey])]
        if let array = json as? [Any] {
            guard !array.isEmpty else { throw Diagnostic(file: file, message: "the file holds an empty list of posts") }
            posts = array.enumerated().map { ($0.element, [AnyKey(intValue: $0.offset) ?? AnyKey("\($0.offset)")]) }
        } else {
            posts = [(json, [])]
        }
        return try posts.map { try read($0.object, path: $0.path, file: file, locator: locator) }
    }

    private func read(_ object: Any, path: [AnyKey], file: String, locator: Locator) throws -> ReadResult {
        func fail(_ field: [String], _ message: String) -> Diagnostic {
            let keys = path + field.map(AnyKey.init)
            return Diagnostic(file: file, line: locator.line(of: keys), path: CodingPath.format(keys), message: message)
        }
        guard let post = object as? [String: Any] else { throw fail([], "expected a WordPress post object") }
        guard let content = (post["content"] as? [String: Any])?["rendered"] as? String else {
            throw fail(["content"], "missing content.rendered: this is not a WordPress REST post")
        }
        let title = (post["title"] as? [String: Any])?["rendered"] as? String ?? post["title"] as? String ?? ""
        var id: String
        switch post["id"] {
        case let number as Int: id = String(number)
        case let string as String: id = string
        default: id = ArticleFieldRules.stableID(forTitle: HTMLFragment(html: title).plainText)
        }
        if id.isEmpty { id = ArticleFieldRules.stableID(forTitle: HTMLFragment(html: title).plainText) }
        var warnings: [Diagnostic] = []
        var language = defaultLanguage
        var languageDeclared = false
        if let lang = post["lang"] as? String, !lang.isEmpty {
            if ArticleFieldRules.isLanguageTag(lang) {
                language = lang
                languageDeclared = true
            } else {
                let keys = path + [AnyKey("lang")]
                warnings.append(Diagnostic(.warning, file: file, line: locator.line(of: keys), path: CodingPath.format(keys),
                                           message: "\(QuotedValue.quote(lang)) is not a language tag; the language is detected from the text"))
            }
        }
        var wordpress = WordPressPost(id: id, titleHTML: title, contentHTML: content,
                                      excerptHTML: (post["excerpt"] as? [String: Any])?["rendered"] as? String,
                                      date: post["date"] as? String, link: post["link"] as? String, language: language)
        wordpress.languageDeclared = languageDeclared
        wordpress.nestingLimit = limits.nestingDepth
        wordpress.slug = post["slug"] as? String
        wordpress.postType = post["type"] as? String
        if let embedded = post["_embedded"] as? [String: Any] {
            // The featured image: `_embed` gives the attachment; a private one comes as an error object without an address.
            if let media = (embedded["wp:featuredmedia"] as? [Any])?.first as? [String: Any],
               let source = media["source_url"] as? String, !source.isEmpty {
                let caption = (media["caption"] as? [String: Any])?["rendered"] as? String
                wordpress.featured = FeaturedImage(source: source, alt: HTMLFragment(html: media["alt_text"] as? String ?? "").plainText,
                                                   captionHTML: caption.flatMap { HTMLFragment(html: $0).plainText.isEmpty ? nil : $0 })
            }
            wordpress.authors = (embedded["author"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            let terms = (embedded["wp:term"] as? [[Any]] ?? []).flatMap { $0 }.compactMap { $0 as? [String: Any] }
            wordpress.categories = terms.filter { $0["taxonomy"] as? String == "category" }.compactMap { $0["name"] as? String }
            wordpress.tags = terms.filter { $0["taxonomy"] as? String == "post_tag" }.compactMap { $0["name"] as? String }
        } else {
            warnings.append(Diagnostic(.warning, file: file, line: locator.line(of: path), path: path.isEmpty ? nil : CodingPath.format(path),
                                       message: "the post has no _embedded data, so no author names or categories (fetch it with ?_embed)"))
        }
        let place = CodingPath.format(path + [AnyKey("content"), AnyKey("rendered")])
        do {
            let (article, bodyWarnings) = try wordpress.article(file: file, autoParagraphs: false, path: path.isEmpty ? nil : CodingPath.format(path))
            let contentLine = locator.line(of: path + [AnyKey("content"), AnyKey("rendered")])
            let placed = bodyWarnings.map { warning -> Diagnostic in
                var warning = warning
                if let line = warning.line {
                    warning.message += " (line \(line) of \(place))"
                    warning.line = contentLine
                    warning.path = place
                } else if warning.path == nil || warning.path?.isEmpty == true {
                    warning.path = CodingPath.format(path)
                    warning.line = locator.line(of: path)
                }
                return warning
            }
            return ReadResult(article: article, warnings: warnings + placed)
        } catch var diagnostic as Diagnostic {
            diagnostic.line = diagnostic.line ?? locator.line(of: path)
            throw diagnostic
        }
    }

    /// Foundation reports JSON syntax errors by character offset; users want a line.
    private static func syntaxDiagnostic(_ error: any Error, text: String, file: String) -> Diagnostic {
        let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        var line: Int?
        if let range = description.range(of: #"character (\d+)"#, options: .regularExpression),
           let offset = Int(description[range].dropFirst("character ".count)) {
            line = TextInput.line(ofByteOffset: offset, in: text)
        } else if let range = description.range(of: #"line (\d+)"#, options: .regularExpression) {
            line = Int(description[range].dropFirst("line ".count))
        }
        return Diagnostic(file: file, line: line, message: "invalid JSON: \(description)")
    }

    /// Finds lines by coding path, indexing the text only the first time a line is wanted.
    private final class Locator {
        private let text: String
        private var locator: JSONLocator?

        init(text: String) {
            self.text = text
        }

        func line(of path: [AnyKey]) -> Int? {
            if locator == nil { locator = JSONLocator(text: text) }
            return locator?.line(of: path)
        }
    }
}

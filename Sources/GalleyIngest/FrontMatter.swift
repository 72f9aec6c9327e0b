import Foundation
import GalleyDiagnostics
import GalleyFiles
import GalleyModel
import Yams

/// The YAML front matter of a Markdown article (between `---` lines), read into article fields.
///
/// Errors point at the file's own lines: the YAML is parsed with its lines in place, so Yams' marks are file lines.
struct FrontMatter {
    var id: String?
    var title: String?
    var deck: (markdown: String, line: Int)?
    var kicker: String?
    var authors: [String] = []
    var date: String?
    var language: String?
    var url: String?
    var topics: [String] = []
    var signOff: String?
    var translation: Translation?
    var notes: [(label: String, markdown: String, line: Int)] = []
    var related: [RelatedGroup] = []
    var publisherFooter: String?
    /// Unknown fields, which are ignored rather than rejected: front matter often carries a site generator's fields.
    var warnings: [Diagnostic] = []

    /// The fields this reader maps; `author`, `lang` and `tags` are accepted as other names for three of them.
    static let fields = ["id", "title", "deck", "kicker", "authors", "author", "date", "lang", "language", "url", "topics", "tags",
                         "signOff", "translation", "notes", "related", "publisherFooter"]

    /// No fields: the file has no front matter.
    init() {}

    /// Splits `text` into the front matter's YAML and the body, both with their lines where they are in the file.
    static func split(_ text: String, file: String) throws -> (yaml: String?, body: String) {
        // "\r\n" is one Character in Swift, so it must be named as a separator of its own.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        func trimmed(_ line: Substring) -> Substring {
            var line = line
            while let last = line.last, last == "\r" || last == " " || last == "\t" { line.removeLast() }
            return line
        }
        guard let first = lines.first, trimmed(first) == "---" else { return (nil, text) }
        guard let close = lines.indices.dropFirst().first(where: { trimmed(lines[$0]) == "---" || trimmed(lines[$0]) == "..." }) else {
            throw Diagnostic(file: file, line: 1, message: "the front matter that starts here is never closed (expected a line with ---)")
        }
        // Blank lines stand in for the delimiters so YAML and Markdown line numbers stay the file's.
        let yaml = "\n" + lines[1..<close].joined(separator: "\n")
        let body = String(repeating: "\n", count: close + 1) + lines[(close + 1)...].joined(separator: "\n")
        return (yaml, body)
    }

    /// Reads the fields of `yaml`; throws a `Diagnostic` at the offending line for bad YAML, or nesting deeper than
    /// `nestingLimit` (checked before Yams, which would overflow the stack), or one listing every bad field (at
    /// most `errorLimit` of them) each at its line.
    init(yaml: String, file: String, nestingLimit: Int, errorLimit: Int = Limits().errorsPerFile) throws {
        // The YAML keeps the file's lines (see `split`), so the scan's line is the file's.
        try NestingScan.check(yaml, limit: nestingLimit, file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw YAMLSyntaxDiagnostic.make(error, file: file, what: "invalid YAML in the front matter")
        }
        guard let root else { return }
        guard case .mapping(let mapping) = root else {
            throw Diagnostic(file: file, line: root.mark?.line, message: "the front matter must be YAML fields (name: value lines)")
        }
        var seen: [String: String] = [:]
        // A bad field is recorded and the next one read, so that every mistake in the front matter shows in one run.
        var problems: [Diagnostic] = []
        for (keyNode, value) in mapping {
            do {
                let key = keyNode.string ?? ""
                let field = Field(key: key, value: value, file: file)
                if let canonical = Self.canonicalName[key] {
                    if let other = seen[canonical] {
                        throw Diagnostic(file: file, line: keyNode.mark?.line, path: key, message: "give either \(other) or \(key), not both")
                    }
                    seen[canonical] = key
                }
                guard !field.isNull else { continue }
                switch key {
                case "id":
                    let id = try field.string()
                    guard ArticleFieldRules.isUsableID(id) else {
                        throw field.error("\(QuotedValue.quote(id)) is not a usable id (letters, digits, - and _ only)")
                    }
                    self.id = id
                case "title":
                    let title = try field.string().trimmingCharacters(in: .whitespacesAndNewlines)
                    guard !title.isEmpty else { throw field.error("the title is empty") }
                    self.title = title
                case "deck": deck = (try field.string(), field.line ?? 1)
                case "kicker": kicker = try field.string()
                case "authors", "author": authors = try field.strings()
                case "date":
                    let text = try field.string()
                    guard let date = ArticleFieldRules.calendarDate(text) else {
                        throw field.error("\(QuotedValue.quote(text)) is not a date (expected YYYY-MM-DD)")
                    }
                    self.date = date
                case "lang", "language":
                    let tag = try field.string()
                    guard ArticleFieldRules.isLanguageTag(tag) else {
                        throw field.error("\(QuotedValue.quote(tag)) is not a language tag (expected e.g. en, fr, ru, pt-BR)")
                    }
                    language = tag
                case "url": url = try field.string()
                case "topics", "tags":
                    topics = try field.strings(splittingCommas: true)
                case "signOff": signOff = try field.string()
                case "publisherFooter": publisherFooter = try field.string()
                case "translation": translation = try field.translation()
                case "notes": notes = try field.notes()
                case "related": related = try field.related()
                default:
                    warnings.append(Diagnostic(.warning, file: file, line: keyNode.mark?.line, path: key,
                                               message: "unknown front-matter field, ignored (known: \(Self.fields.joined(separator: ", ")))"))
                }
            } catch let problem as Diagnostic {
                problems.append(problem)
            }
        }
        if let combined = Diagnostic.combining(problems, limit: errorLimit) { throw combined }
    }

    private static let canonicalName = ["author": "authors", "authors": "authors", "lang": "language", "language": "language",
                                        "tags": "topics", "topics": "topics"]
}

/// One front-matter value with its place, for typed reads that fail with a located error.
private struct Field {
    let path: String
    let value: Node
    let file: String

    init(key: String, value: Node, file: String) {
        path = key
        self.value = value
        self.file = file
    }

    var line: Int? { value.mark?.line }

    var isNull: Bool {
        value.null != nil
    }

    func error(_ message: String) -> Diagnostic {
        Diagnostic(file: file, line: line, path: path, message: message)
    }

    func child(_ name: String, _ node: Node) -> Field {
        Field(key: path + name, value: node, file: file)
    }

    func string() throws -> String {
        guard case .scalar(let scalar) = value else { throw error("expected a string") }
        return scalar.string
    }

    /// A list of strings, or one string (split at commas when `splittingCommas`, as tag lists often are).
    func strings(splittingCommas: Bool = false) throws -> [String] {
        if case .scalar(let scalar) = value {
            let parts = splittingCommas ? scalar.string.split(separator: ",").map(String.init) : [scalar.string]
            return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        guard case .sequence(let sequence) = value else { throw error("expected a string or a list of strings") }
        return try sequence.enumerated().map { index, node in try child("[\(index)]", node).string() }
    }

    func mapping(allowed: [String]) throws -> [String: Field] {
        guard case .mapping(let mapping) = value else { throw error("expected fields (name: value)") }
        var result: [String: Field] = [:]
        for (keyNode, node) in mapping {
            let key = keyNode.string ?? ""
            guard allowed.contains(key) else {
                throw Diagnostic(file: file, line: keyNode.mark?.line, path: path + "." + key,
                                 message: "unknown field (expected one of: \(allowed.joined(separator: ", ")))")
            }
            let field = child("." + key, node)
            if !field.isNull { result[key] = field }
        }
        return result
    }

    func sequence() throws -> [Field] {
        guard case .sequence(let sequence) = value else { throw error("expected a list") }
        return sequence.enumerated().map { child("[\($0.offset)]", $0.element) }
    }

    func required(_ name: String, in fields: [String: Field]) throws -> Field {
        guard let field = fields[name] else { throw error("missing required field \(QuotedValue.quote(name))") }
        return field
    }

    /// `translation: Name`, or `{translator, from, url}`.
    func translation() throws -> Translation {
        if case .scalar(let scalar) = value { return Translation(translator: scalar.string) }
        let fields = try mapping(allowed: ["translator", "from", "url"])
        return Translation(translator: try required("translator", in: fields).string(),
                           from: try fields["from"]?.string(), sourceURL: try fields["url"]?.string())
    }

    /// `notes: [{label, text}]`, the text in Markdown.
    func notes() throws -> [(label: String, markdown: String, line: Int)] {
        try sequence().map { item in
            let fields = try item.mapping(allowed: ["label", "text"])
            let text = try item.required("text", in: fields)
            return (try item.required("label", in: fields).string(), try text.string(), text.line ?? 1)
        }
    }

    /// `related: [{topic, articles: [title or {title, url}]}]`.
    func related() throws -> [RelatedGroup] {
        try sequence().map { item in
            let fields = try item.mapping(allowed: ["topic", "articles"])
            let articles = try item.required("articles", in: fields).sequence().map { article -> RelatedArticle in
                if case .scalar(let scalar) = article.value { return RelatedArticle(title: scalar.string) }
                let parts = try article.mapping(allowed: ["title", "url"])
                return RelatedArticle(title: try article.required("title", in: parts).string(), url: try parts["url"]?.string())
            }
            return RelatedGroup(topic: try item.required("topic", in: fields).string(), articles: articles)
        }
    }
}

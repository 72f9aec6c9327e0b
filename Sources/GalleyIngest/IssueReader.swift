import Foundation
import GalleyDiagnostics
import GalleyFiles
import GalleyModel
import Yams

/// Reads an issue file (`issue.yaml`, documented in `docs/issue-format.md`).
public struct IssueReader: Sendable {
    /// The limits the file is held to (its nesting depth).
    public var limits: Limits

    /// Creates a reader holding files to `limits`.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Decodes `data` from the file shown as `file`; errors name the file, line and key.
    public func read(_ data: Data, file: String) throws -> Issue {
        guard let text = String(data: data, encoding: .utf8) else { throw Diagnostic(file: file, message: "the file is not UTF-8 text") }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw Diagnostic(file: file, message: "the file is empty") }
        // Yams composes, and Decodable reads, one call frame per level: the depth is checked before either starts.
        try NestingScan.check(text, limit: limits.nestingDepth, file: file)
        do {
            if let node = try Yams.compose(yaml: text) { try YAMLIntegerGuard.check(node, file: file) }
            return try YAMLDecoder().decode(IssueDocument.self, from: text).issue
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty, let yaml = context.underlyingError as? YamlError {
                throw YAMLSyntaxDiagnostic.make(yaml, file: file)
            }
            throw DecodingErrorDiagnostic.make(error, file: file, locator: YAMLLocator(text: text))
        } catch let error as YamlError {
            throw YAMLSyntaxDiagnostic.make(error, file: file)
        }
    }
}

/// The YAML shape of an issue file.
struct IssueDocument: Decodable {
    var issue: Issue

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownFields(allowed: ["publication", "number", "title", "date", "language", "cover", "sections", "rightHandStarts", "layout"])
        let container = try decoder.container(keyedBy: AnyKey.self)
        let number = try container.stringOrInteger("number")
        let date = try container.decodeIfPresent(String.self, forKey: AnyKey("date"))
        if let date, ArticleDate(iso: date) == nil { throw container.invalid("date", "\(QuotedValue.quote(date)) is not a date (expected YYYY-MM-DD)") }
        let sections = try container.decode([SectionElement].self, forKey: AnyKey("sections")).map(\.section)
        guard !sections.isEmpty else { throw container.invalid("sections", "an issue needs at least one section") }
        issue = Issue(publication: try container.decode(String.self, forKey: AnyKey("publication")), number: number,
                      title: try container.decode(String.self, forKey: AnyKey("title")), date: date,
                      language: try container.decodeIfPresent(String.self, forKey: AnyKey("language")) ?? "en",
                      cover: try container.decodeIfPresent(CoverElement.self, forKey: AnyKey("cover"))?.cover ?? IssueCover(),
                      sections: sections,
                      rightHandStarts: try container.decodeIfPresent(Bool.self, forKey: AnyKey("rightHandStarts")) ?? true,
                      layout: try container.decodeIfPresent(String.self, forKey: AnyKey("layout")))
    }

    struct CoverElement: Decodable {
        var cover: IssueCover

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownFields(allowed: ["headline", "image", "teasers"])
            let container = try decoder.container(keyedBy: AnyKey.self)
            cover = IssueCover(headline: try container.decodeIfPresent(String.self, forKey: AnyKey("headline")),
                               image: try container.decodeIfPresent(String.self, forKey: AnyKey("image")),
                               teasers: try container.decodeIfPresent([String].self, forKey: AnyKey("teasers")) ?? [])
        }
    }

    struct SectionElement: Decodable {
        var section: IssueSection

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownFields(allowed: ["title", "articles"])
            let container = try decoder.container(keyedBy: AnyKey.self)
            let articles = try container.decode([String].self, forKey: AnyKey("articles"))
            guard !articles.isEmpty else { throw container.invalid("articles", "a section needs at least one article") }
            section = IssueSection(title: try container.decode(String.self, forKey: AnyKey("title")), articles: articles)
        }
    }
}

import Foundation
import GalleyDiagnostics
import GalleyModel

/// Writes an article as Galley JSON (`docs/article-format.md`), whatever format it was read from, so that a PDF can
/// carry its source and `JSONArticleReader` can give the same article back.
///
/// The output is the same bytes for the same article: fields in the order the format description lists them, two-space
/// indents, UTF-8 with only the escapes JSON requires, and a final newline. Reading it back gives an article equal to
/// the one written, except for values the format cannot say; for those the writer writes the nearest document the
/// reader accepts:
/// - a language that was guessed rather than declared (`languageDeclared` false) is written only when it is not the
///   reader's default `en`, and then reads back as declared; a language or date the reader would reject is left out
///   (a timestamp keeps its calendar date);
/// - heading levels other than 2 and 3 become the nearer of the two;
/// - a figure without an image address is left out, and a link without an address keeps only its words;
/// - whitespace in a link address is percent-encoded;
/// - a reference in the body to a footnote the article lacks is left out, and of footnotes sharing an id only the
///   first is written;
/// - characters that cannot be printed (controls, noncharacters) are written, and the reader drops them;
/// - content nested deeper than the reader's nesting-depth limit is written whole; reading it needs a higher limit.
///
/// An article without a usable id or with an empty title has no such document, and is refused.
public struct ArticleJSONWriter: Sendable {
    /// Why an article could not be written.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        /// The id is empty or has characters other than letters, digits, `-` and `_`.
        case unusableID(String)
        /// The title is empty or only whitespace.
        case emptyTitle

        /// The problem as a sentence.
        public var description: String {
            switch self {
            case .unusableID(let id): return "the article id \(QuotedValue.quote(id)) cannot be written (letters, digits, - and _ only)"
            case .emptyTitle: return "the article has no title to write"
            }
        }
    }

    /// Creates a writer.
    public init() {}

    /// The article as Galley JSON in UTF-8; throws a `Problem` for an article the format cannot hold.
    public func data(_ article: Article) throws -> Data {
        Data(try text(article).utf8)
    }

    /// The article as Galley JSON text, ending with a newline; throws a `Problem` for an article the format cannot hold.
    public func text(_ article: Article) throws -> String {
        guard ArticleFieldRules.isUsableID(article.id) else { throw Problem.unusableID(article.id) }
        guard !article.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw Problem.emptyTitle }
        return document(article).prettyPrinted + "\n"
    }

    private func document(_ article: Article) -> JSONValue {
        var seen = Set<String>()
        let footnotes = article.footnotes.filter { seen.insert($0.id).inserted }
        let body = BodyJSONEncoder(footnoteIDs: seen)
        let anywhere = BodyJSONEncoder(footnoteIDs: nil)
        var members: [(key: String, value: JSONValue)] = [("id", .string(article.id)), ("title", .string(article.title))]
        func add(_ key: String, _ value: JSONValue?) {
            if let value { members.append((key, value)) }
        }
        func strings(_ values: [String]) -> JSONValue? {
            values.isEmpty ? nil : .array(values.map(JSONValue.string))
        }
        add("deck", article.deck.map(anywhere.inlines))
        add("kicker", article.kicker.map(JSONValue.string))
        add("authors", strings(article.authors))
        add("date", article.date.flatMap(ArticleFieldRules.calendarDate).map(JSONValue.string))
        add("language", language(of: article).map(JSONValue.string))
        add("url", article.sourceURL.map(JSONValue.string))
        add("slug", article.slug.map(JSONValue.string))
        add("type", article.postType.map(JSONValue.string))
        add("topics", strings(article.topics))
        members.append(("blocks", body.blocks(article.body)))
        add("signOff", article.signOff.map(JSONValue.string))
        add("translation", article.translation.map(translation))
        add("notes", article.notes.isEmpty ? nil : .array(article.notes.map {
            .object([("label", .string($0.label)), ("blocks", anywhere.blocks($0.content))])
        }))
        add("related", article.related.isEmpty ? nil : .array(article.related.map(related)))
        add("publisherFooter", article.publisherFooter.map(JSONValue.string))
        add("footnotes", footnotes.isEmpty ? nil : .array(footnotes.map {
            .object([("id", .string($0.id)), ("blocks", anywhere.blocks($0.content))])
        }))
        return .object(members)
    }

    /// The language to write: none when the reader's default stands in for an undeclared one, so that it reads back
    /// undeclared, and none when the reader would reject it.
    private func language(of article: Article) -> String? {
        if !article.languageDeclared && article.language == "en" { return nil }
        return ArticleFieldRules.isLanguageTag(article.language) ? article.language : nil
    }

    private func translation(_ translation: Translation) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("translator", .string(translation.translator))]
        if let from = translation.from { members.append(("from", .string(from))) }
        if let url = translation.sourceURL { members.append(("url", .string(url))) }
        return .object(members)
    }

    private func related(_ group: RelatedGroup) -> JSONValue {
        .object([("topic", .string(group.topic)), ("articles", .array(group.articles.map { article in
            var members: [(key: String, value: JSONValue)] = [("title", .string(article.title))]
            if let url = article.url { members.append(("url", .string(url))) }
            return .object(members)
        }))])
    }
}

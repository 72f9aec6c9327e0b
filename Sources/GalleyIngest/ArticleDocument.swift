import GalleyDiagnostics
import Foundation
import GalleyModel

/// The top-level JSON object of an article file.
struct ArticleDocument: Decodable {
    static let fields = ["id", "title", "deck", "kicker", "authors", "date", "language", "url", "topics", "blocks",
                         "signOff", "translation", "notes", "related", "publisherFooter", "footnotes", "slug", "type"]
    var article: Article

    init(from decoder: any Decoder) throws {
        guard let container = try? decoder.container(keyedBy: AnyKey.self) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "an article must be a JSON object"))
        }
        try decoder.rejectUnknownFields(allowed: Self.fields)
        func optional<T: Decodable>(_ type: T.Type, _ field: String) throws -> T? {
            try container.decodeIfPresent(type, forKey: AnyKey(field))
        }
        guard let id = try container.stringOrInteger("id") else {
            throw DecodingError.keyNotFound(AnyKey("id"), .init(codingPath: container.codingPath, debugDescription: "missing id"))
        }
        guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw container.invalid("id", "\"\(id)\" is not a usable id (letters, digits, - and _ only)")
        }
        let title = try container.decode(String.self, forKey: AnyKey("title"))
        guard !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw container.invalid("title", "the title is empty")
        }
        let date = try optional(String.self, "date")
        if let date, ArticleDate(iso: date) == nil {
            throw container.invalid("date", "\"\(date)\" is not a date (expected YYYY-MM-DD)")
        }
        let declaredLanguage = try optional(String.self, "language")
        let language = declaredLanguage ?? "en"
        guard language.range(of: "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", options: .regularExpression) != nil else {
            throw container.invalid("language", "\"\(language)\" is not a language tag (expected e.g. en, fr, ru, pt-BR)")
        }
        article = Article(
            id: id, title: title,
            deck: try optional(InlineContent.self, "deck")?.inlines,
            kicker: try optional(String.self, "kicker"),
            authors: try optional([String].self, "authors") ?? [],
            date: date, language: language,
            sourceURL: try optional(String.self, "url"),
            topics: try optional([String].self, "topics") ?? [],
            body: try container.decode([BlockElement].self, forKey: AnyKey("blocks")).map(\.block),
            signOff: try optional(String.self, "signOff"),
            translation: try optional(TranslationElement.self, "translation")?.translation,
            notes: try optional([NoteElement].self, "notes")?.map(\.note) ?? [],
            related: try optional([RelatedGroupElement].self, "related")?.map(\.group) ?? [],
            publisherFooter: try optional(String.self, "publisherFooter"),
            footnotes: try optional([FootnoteElement].self, "footnotes")?.map(\.footnote) ?? [],
            languageDeclared: declaredLanguage != nil)
        article.slug = try optional(String.self, "slug")
        article.postType = try optional(String.self, "type")
        try FootnoteCheck.validate(article, container: container)
    }
}

struct TranslationElement: Decodable {
    var translation: Translation

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownFields(allowed: ["translator", "from", "url"])
        let container = try decoder.container(keyedBy: AnyKey.self)
        translation = Translation(translator: try container.decode(String.self, forKey: AnyKey("translator")),
                                  from: try container.decodeIfPresent(String.self, forKey: AnyKey("from")),
                                  sourceURL: try container.decodeIfPresent(String.self, forKey: AnyKey("url")))
    }
}

struct NoteElement: Decodable {
    var note: Note

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownFields(allowed: ["label", "blocks"])
        let container = try decoder.container(keyedBy: AnyKey.self)
        note = Note(label: try container.decode(String.self, forKey: AnyKey("label")),
                    content: try container.decode([BlockElement].self, forKey: AnyKey("blocks")).map(\.block))
    }
}

struct RelatedGroupElement: Decodable {
    var group: RelatedGroup

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownFields(allowed: ["topic", "articles"])
        let container = try decoder.container(keyedBy: AnyKey.self)
        group = RelatedGroup(topic: try container.decode(String.self, forKey: AnyKey("topic")),
                             articles: try container.decode([RelatedArticleElement].self, forKey: AnyKey("articles")).map(\.article))
    }
}

struct RelatedArticleElement: Decodable {
    var article: RelatedArticle

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownFields(allowed: ["title", "url"])
        let container = try decoder.container(keyedBy: AnyKey.self)
        article = RelatedArticle(title: try container.decode(String.self, forKey: AnyKey("title")),
                                 url: try container.decodeIfPresent(String.self, forKey: AnyKey("url")))
    }
}

struct FootnoteElement: Decodable {
    var footnote: Footnote

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownFields(allowed: ["id", "blocks"])
        let container = try decoder.container(keyedBy: AnyKey.self)
        footnote = Footnote(id: try container.decode(String.self, forKey: AnyKey("id")),
                            content: try container.decode([BlockElement].self, forKey: AnyKey("blocks")).map(\.block))
    }
}

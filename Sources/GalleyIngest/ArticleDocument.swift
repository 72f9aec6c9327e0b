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
        // Each field is read on its own, so that a bad one is recorded and the next still checked (see `Recovered`).
        func field<T>(_ fallback: T, _ read: () throws -> T) throws -> T {
            try decoder.recovering(fallback, read)
        }
        func optional<T: Decodable>(_ type: T.Type, _ name: String) throws -> T? {
            try field(nil) { try container.decodeIfPresent(type, forKey: AnyKey(name)) }
        }
        let id = try field("") {
            guard let id = try container.stringOrInteger("id") else {
                throw DecodingError.keyNotFound(AnyKey("id"), .init(codingPath: container.codingPath, debugDescription: "missing id"))
            }
            guard ArticleFieldRules.isUsableID(id) else {
                throw container.invalid("id", "\(QuotedValue.quote(id)) is not a usable id (letters, digits, - and _ only)")
            }
            return id
        }
        let title = try field("") {
            let title = try container.decode(String.self, forKey: AnyKey("title"))
            guard !title.allSatisfy(\.isWhitespace) else {
                throw container.invalid("title", "the title is empty")
            }
            return title
        }
        let date = try field(nil) { () throws -> String? in
            let date = try container.decodeIfPresent(String.self, forKey: AnyKey("date"))
            if let date, ArticleDate(iso: date) == nil {
                throw container.invalid("date", "\(QuotedValue.quote(date)) is not a date (expected YYYY-MM-DD)")
            }
            return date
        }
        let declaredLanguage = try field(nil) { () throws -> String? in
            let language = try container.decodeIfPresent(String.self, forKey: AnyKey("language"))
            if let language, !ArticleFieldRules.isLanguageTag(language) {
                throw container.invalid("language", "\(QuotedValue.quote(language)) is not a language tag (expected e.g. en, fr, ru, pt-BR)")
            }
            return language
        }
        article = Article(
            id: id, title: title,
            deck: try optional(InlineContent.self, "deck")?.inlines,
            kicker: try optional(String.self, "kicker"),
            authors: try optional([String].self, "authors") ?? [],
            date: date, language: declaredLanguage ?? "en",
            sourceURL: try optional(String.self, "url"),
            topics: try optional([String].self, "topics") ?? [],
            body: try field([]) { try container.decodeEach(BlockElement.self, forKey: "blocks").map(\.block) },
            signOff: try optional(String.self, "signOff"),
            translation: try optional(TranslationElement.self, "translation")?.translation,
            notes: try field(nil) { try container.decodeEachIfPresent(NoteElement.self, forKey: "notes") }?.map(\.note) ?? [],
            related: try field(nil) { try container.decodeEachIfPresent(RelatedGroupElement.self, forKey: "related") }?.map(\.group) ?? [],
            publisherFooter: try optional(String.self, "publisherFooter"),
            footnotes: try field(nil) { try container.decodeEachIfPresent(FootnoteElement.self, forKey: "footnotes") }?.map(\.footnote) ?? [],
            languageDeclared: declaredLanguage != nil)
        article.slug = try optional(String.self, "slug")
        article.postType = try optional(String.self, "type")
        // Footnote references are checked against a complete article only: a block that failed may hold a note's id.
        if decoder.problems?.isEmpty ?? true {
            try FootnoteCheck.validate(article, container: container)
        }
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
                    content: try container.decodeEach(BlockElement.self, forKey: "blocks").map(\.block))
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
                            content: try container.decodeEach(BlockElement.self, forKey: "blocks").map(\.block))
    }
}

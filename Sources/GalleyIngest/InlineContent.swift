import GalleyDiagnostics
import GalleyModel

/// Inline content as written in JSON: a string, or an array of strings and typed objects.
struct InlineContent: Decodable {
    var inlines: [Inline]

    init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            inlines = [.text(text)]
            return
        }
        guard var array = try? decoder.unkeyedContainer() else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "expected inline content: a string or an array of strings and inline objects"))
        }
        var result: [Inline] = []
        while !array.isAtEnd {
            if let element = try array.decode(Recovered<InlineElement>.self).value { result.append(element.inline) }
        }
        inlines = result
    }
}

/// One element of an inline array.
struct InlineElement: Decodable {
    static let types = ["emphasis", "strong", "link", "code", "break", "span", "superscript", "subscript", "strikethrough", "footnote"]
    var inline: Inline

    init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            inline = .text(text)
            return
        }
        let container: KeyedDecodingContainer<AnyKey>
        do {
            container = try decoder.container(keyedBy: AnyKey.self)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "expected a string or an inline object with a \"type\""))
        }
        let type = try container.decode(String.self, forKey: AnyKey("type"))
        func content() throws -> [Inline] {
            try container.decode(InlineContent.self, forKey: AnyKey("content")).inlines
        }
        switch type {
        case "emphasis":
            try decoder.rejectUnknownFields(allowed: ["type", "content"])
            inline = .emphasis(try content())
        case "strong":
            try decoder.rejectUnknownFields(allowed: ["type", "content"])
            inline = .strong(try content())
        case "link":
            try decoder.rejectUnknownFields(allowed: ["type", "href", "content"])
            let href = try container.decode(String.self, forKey: AnyKey("href"))
            guard !href.isEmpty, !href.contains(where: \.isWhitespace) else {
                throw container.invalid("href", "\(QuotedValue.quote(href)) is not a link address (it is empty or contains spaces)")
            }
            inline = .link(url: href, content: try content())
        case "code":
            try decoder.rejectUnknownFields(allowed: ["type", "text"])
            inline = .code(try container.decode(String.self, forKey: AnyKey("text")))
        case "break":
            try decoder.rejectUnknownFields(allowed: ["type"])
            inline = .lineBreak
        case "span":
            try decoder.rejectUnknownFields(allowed: ["type", "lang", "content"])
            inline = .language(tag: try container.decode(String.self, forKey: AnyKey("lang")), content: try content())
        case "superscript":
            try decoder.rejectUnknownFields(allowed: ["type", "content"])
            inline = .superscript(try content())
        case "subscript":
            try decoder.rejectUnknownFields(allowed: ["type", "content"])
            inline = .subscript(try content())
        case "strikethrough":
            try decoder.rejectUnknownFields(allowed: ["type", "content"])
            inline = .strikethrough(try content())
        case "footnote":
            try decoder.rejectUnknownFields(allowed: ["type", "ref"])
            inline = .footnoteReference(try container.decode(String.self, forKey: AnyKey("ref")))
        default:
            throw container.invalid("type", "unknown inline type \(QuotedValue.quote(type)) (expected one of \(Self.types.joined(separator: ", ")))")
        }
    }
}

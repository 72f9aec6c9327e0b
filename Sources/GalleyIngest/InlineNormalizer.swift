import GalleyModel

/// Cleans inline runs built node by node: merges split text and applies HTML's whitespace rules.
enum InlineNormalizer {
    /// `inlines` with adjacent text merged and empty text and empty markup removed.
    ///
    /// Parsers split text at entities and brackets; merged runs compare equal to the JSON reader's.
    static func merged(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines {
            let cleaned: Inline
            switch inline {
            case .text(let text):
                guard !text.isEmpty else { continue }
                if case .text(let previous)? = result.last {
                    result[result.count - 1] = .text(previous + text)
                    continue
                }
                cleaned = inline
            case .emphasis(let content): cleaned = .emphasis(merged(content))
            case .strong(let content): cleaned = .strong(merged(content))
            case .link(let url, let content): cleaned = .link(url: url, content: merged(content))
            case .language(let tag, let content): cleaned = .language(tag: tag, content: merged(content))
            case .superscript(let content): cleaned = .superscript(merged(content))
            case .subscript(let content): cleaned = .subscript(merged(content))
            case .strikethrough(let content): cleaned = .strikethrough(merged(content))
            case .code, .lineBreak, .footnoteReference: cleaned = inline
            }
            if cleaned.children?.isEmpty == true { continue }
            result.append(cleaned)
        }
        return result
    }

    /// `inlines` as HTML shows them: whitespace runs become one space, none at the ends or around line breaks.
    static func collapsingWhitespace(_ inlines: [Inline]) -> [Inline] {
        var atSpace = true
        let collapsed = collapse(inlines, atSpace: &atSpace)
        var trimmed = trimmingLeadingBreaks(collapsed)
        trimTrailing(&trimmed)
        return merged(trimmed)
    }

    /// Whether `text` has nothing but whitespace, including no-break spaces (WordPress's `<p>&nbsp;</p>`).
    static func isBlank(_ inlines: [Inline]) -> Bool {
        !inlines.contains { inline in
            if case .footnoteReference = inline { return true }
            return !inline.plainText.allSatisfy { $0.isWhitespace }
        }
    }

    private static func isCollapsible(_ character: Character) -> Bool {
        character == " " || character == "\n" || character == "\t" || character == "\r\n" || character == "\r" || character == "\u{0C}"
    }

    private static func collapse(_ inlines: [Inline], atSpace: inout Bool) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines {
            switch inline {
            case .text(let text):
                var out = ""
                for character in text {
                    if isCollapsible(character) {
                        if !atSpace { out.append(" ") }
                        atSpace = true
                    } else {
                        out.append(character)
                        atSpace = false
                    }
                }
                if !out.isEmpty { result.append(.text(out)) }
            case .lineBreak:
                // In place: a copy of the run so far at every break made 100,000 breaks quadratic.
                trimTrailing(&result)
                result.append(.lineBreak)
                atSpace = true
            case .code(let text):
                let flat = String(text.map { isCollapsible($0) ? " " : $0 })
                if !flat.isEmpty {
                    result.append(.code(flat))
                    atSpace = false
                }
            case .footnoteReference:
                result.append(inline)
                atSpace = false
            case .emphasis, .strong, .link, .language, .superscript, .subscript, .strikethrough:
                let content = collapse(inline.children ?? [], atSpace: &atSpace)
                if !content.isEmpty { result.append(inline.replacingChildren(content)) }
            }
        }
        return result
    }

    private static func trimmingLeadingBreaks(_ inlines: [Inline]) -> [Inline] {
        let count = inlines.prefix { if case .lineBreak = $0 { return true } else { return false } }.count
        return count == 0 ? inlines : Array(inlines.dropFirst(count))
    }

    /// Drops trailing spaces and line breaks, looking into the last inline's content; only the end is touched.
    private static func trimTrailing(_ result: inout [Inline]) {
        while let last = result.last {
            switch last {
            case .text(let text):
                var trimmed = text
                while trimmed.last.map(isCollapsible) == true { trimmed.removeLast() }
                if trimmed.isEmpty {
                    result.removeLast()
                    continue
                }
                result[result.count - 1] = .text(trimmed)
                return
            case .lineBreak:
                result.removeLast()
            case .code, .footnoteReference:
                return
            default:
                var content = last.children ?? []
                trimTrailing(&content)
                if content.isEmpty {
                    result.removeLast()
                    continue
                }
                result[result.count - 1] = last.replacingChildren(content)
                return
            }
        }
    }
}

extension Inline {
    /// The content of a markup inline, or nil for text, code, breaks and references.
    var children: [Inline]? {
        switch self {
        case .emphasis(let content), .strong(let content), .link(_, let content), .language(_, let content),
             .superscript(let content), .subscript(let content), .strikethrough(let content):
            return content
        case .text, .code, .lineBreak, .footnoteReference:
            return nil
        }
    }

    /// The same markup around `content`; text, code, breaks and references are returned unchanged.
    func replacingChildren(_ content: [Inline]) -> Inline {
        switch self {
        case .emphasis: return .emphasis(content)
        case .strong: return .strong(content)
        case .link(let url, _): return .link(url: url, content: content)
        case .language(let tag, _): return .language(tag: tag, content: content)
        case .superscript: return .superscript(content)
        case .subscript: return .subscript(content)
        case .strikethrough: return .strikethrough(content)
        case .text, .code, .lineBreak, .footnoteReference: return self
        }
    }
}

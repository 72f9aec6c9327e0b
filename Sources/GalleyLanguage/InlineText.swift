import GalleyModel

/// Walks inline and block content for the text language detection should see.
///
/// Left out: code (identifiers and commands are no language) and content already inside a `.language` span (its
/// language is known). Each left-out piece, line break and block boundary counts as a word break.
enum InlineText {
    /// One piece of a walk: text, or a break between words.
    enum Piece {
        case text(String)
        case wordBreak
    }

    /// Calls `visit` with the pieces of `inlines` in order.
    static func walk(_ inlines: [Inline], _ visit: (Piece) -> Void) {
        for inline in inlines {
            switch inline {
            case .text(let string): visit(.text(string))
            case .emphasis(let content), .strong(let content), .link(_, let content), .superscript(let content),
                 .subscript(let content), .strikethrough(let content):
                walk(content, visit)
            case .code, .language, .lineBreak: visit(.wordBreak)
            case .footnoteReference: break
            }
        }
    }

    /// Calls `visit` with the pieces of the blocks' running text: headings, paragraphs, quotes, lists, notes,
    /// figure captions and table cells, but not preformatted text.
    static func walk(_ blocks: [Block], _ visit: (Piece) -> Void) {
        for block in blocks {
            switch block {
            case .heading(_, let content), .paragraph(let content), .pullQuote(let content, _): walk(content, visit)
            case .quote(let content, _), .note(_, let content): walk(content, visit)
            case .list(_, let items): for item in items { walk(item, visit) }
            case .figure(let figure): if let caption = figure.caption { walk(caption, visit) }
            case .table(let table):
                if let caption = table.caption { walk(caption, visit) }
                for row in table.header + table.rows {
                    for cell in row {
                        walk(cell.content, visit)
                        visit(.wordBreak)
                    }
                }
            case .rule, .preformatted: break
            }
            visit(.wordBreak)
        }
    }

    /// Calls `visit` with the pieces of the article's text: title, deck, body, notes and footnotes.
    static func walk(_ article: Article, _ visit: (Piece) -> Void) {
        visit(.text(article.title))
        visit(.wordBreak)
        if let deck = article.deck {
            walk(deck, visit)
            visit(.wordBreak)
        }
        walk(article.body, visit)
        for note in article.notes { walk(note.content, visit) }
        for footnote in article.footnotes { walk(footnote.content, visit) }
    }

    /// Whether all the inlines' text is Latin, Latin-1 and the Latin extensions (below U+0370, whose UTF-8 bytes are
    /// all under 0xCD): a byte scan that spares the scalar scan for most blocks of most articles.
    static func isLatinOnly(_ inlines: [Inline]) -> Bool {
        var latin = true
        walk(inlines) { piece in
            if latin, case .text(let string) = piece, string.utf8.contains(where: { $0 >= 0xCD }) { latin = false }
        }
        return latin
    }

    /// The script profile of the inlines' text (a scan of scalars; nothing is copied).
    static func profile(_ inlines: [Inline]) -> ScriptProfile {
        var profile = ScriptProfile()
        walk(inlines) { piece in profile.add(piece) }
        return profile
    }

    /// The inlines' text as UTF-8 for CLD2, word breaks as line feeds.
    static func detectionBytes(_ inlines: [Inline]) -> [UInt8] {
        var bytes: [UInt8] = []
        walk(inlines) { piece in append(piece, to: &bytes) }
        return bytes
    }

    /// Adds one piece to UTF-8 bytes for CLD2: text made acceptable to it, word breaks as line feeds.
    static func append(_ piece: Piece, to bytes: inout [UInt8]) {
        switch piece {
        case .text(let string): LanguageDetector.appendForDetection(string, to: &bytes)
        case .wordBreak: if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
        }
    }
}

extension ScriptProfile {
    /// Counts one piece of a walk in.
    mutating func add(_ piece: InlineText.Piece) {
        switch piece {
        case .text(let string): add(string)
        case .wordBreak: breakWord()
        }
    }
}

import GalleyDiagnostics
import GalleyModel

/// Drops the characters no article means to print — Unicode noncharacters and control characters — from every
/// text of an article, with one warning for the whole file.
///
/// JSON may carry them (`"\uFFFE"` is valid JSON), pasted text often does, and cairo refuses a PDF whose text holds a
/// noncharacter ("input string not valid UTF-8", naming no file). Dropped at ingest, the article prints with every
/// other word; the warning names the file, where the first one was and how many there were.
enum UnprintableText {
    /// Whether `scalar` is dropped: a noncharacter (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF), or a C0 or C1 control other
    /// than tab, line feed and carriage return, or DEL.
    static func isUnprintable(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 && value != 0x0A && value != 0x0D }
        if value < 0x7F { return false }
        if value <= 0x9F { return true }
        return (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
    }

    /// Controls that separate words (vertical tab, form feed, next line): a space keeps the words apart.
    private static func replacement(for scalar: Unicode.Scalar) -> String {
        [0x0B, 0x0C, 0x85].contains(scalar.value) ? " " : ""
    }

    /// Cleans every text of `article` in place; returns the warning, or nil when nothing was dropped.
    ///
    /// The warning's line is where the first such character stands in `source`, when it stands there as itself;
    /// otherwise (a JSON escape, an HTML entity) `locate` is asked for the line of the first field that held one.
    static func clean(_ article: inout Article, file: String, source: String?,
                      locate: ([any CodingKey]) -> Int? = { _ in nil }) -> Diagnostic? {
        var cleaner = Cleaner()
        cleaner.article(&article)
        guard cleaner.count > 0 else { return nil }
        var line = source.flatMap(Self.firstLine(in:))
        if line == nil, let path = cleaner.firstPath { line = locate(path) }
        let codes = cleaner.kinds.sorted().prefix(5).map { String(format: "U+%04X", $0) }.joined(separator: ", ")
        let plural = cleaner.count == 1 ? "character that cannot be printed was" : "characters that cannot be printed were"
        let place = cleaner.firstPath.map { " (the first in \(CodingPath.format($0)))" } ?? ""
        return Diagnostic(.warning, file: file, line: line,
                          message: "\(cleaner.count) \(plural) dropped\(place): \(codes) — noncharacters and control characters")
    }

    /// The 1-based line of the first unprintable character in `text`, if it holds one as itself.
    static func firstLine(in text: String) -> Int? {
        var line = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                line += 1
            } else if isUnprintable(scalar) {
                return line
            }
        }
        return nil
    }

    /// Walks an article, rewriting only the strings that need it.
    private struct Cleaner {
        var count = 0
        var kinds = Set<UInt32>()
        var firstPath: [any CodingKey]?
        /// The field being walked, named as Galley's JSON format names it.
        var path: [any CodingKey] = []

        mutating func article(_ article: inout Article) {
            at("title") { $0.text(&article.title) }
            at("deck") { cleaner in article.deck.map { var deck = $0; cleaner.inlines(&deck); article.deck = deck } }
            at("kicker") { $0.optional(&article.kicker) }
            at("authors") { cleaner in for index in article.authors.indices { cleaner.text(&article.authors[index]) } }
            at("topics") { cleaner in for index in article.topics.indices { cleaner.text(&article.topics[index]) } }
            at("blocks") { $0.blocks(&article.body) }
            at("signOff") { $0.optional(&article.signOff) }
            at("publisherFooter") { $0.optional(&article.publisherFooter) }
            if var translation = article.translation {
                at("translation") { cleaner in
                    cleaner.text(&translation.translator)
                    cleaner.optional(&translation.from)
                }
                article.translation = translation
            }
            at("notes") { cleaner in
                for index in article.notes.indices {
                    cleaner.at(index) { $0.text(&article.notes[index].label); $0.blocks(&article.notes[index].content) }
                }
            }
            at("related") { cleaner in
                for index in article.related.indices {
                    cleaner.at(index) { cleaner in
                        cleaner.text(&article.related[index].topic)
                        for item in article.related[index].articles.indices { cleaner.text(&article.related[index].articles[item].title) }
                    }
                }
            }
            at("footnotes") { cleaner in
                for index in article.footnotes.indices { cleaner.at(index) { $0.blocks(&article.footnotes[index].content) } }
            }
        }

        mutating func at(_ key: String, _ body: (inout Cleaner) -> Void) {
            path.append(AnyKey(key))
            body(&self)
            path.removeLast()
        }

        mutating func at(_ index: Int, _ body: (inout Cleaner) -> Void) {
            path.append(AnyKey(intValue: index) ?? AnyKey("\(index)"))
            body(&self)
            path.removeLast()
        }

        mutating func optional(_ value: inout String?) {
            guard var text = value else { return }
            self.text(&text)
            value = text
        }

        mutating func text(_ value: inout String) {
            // Nearly every string is clean: one pass over its scalars, and no copy, settles that.
            guard value.unicodeScalars.contains(where: UnprintableText.isUnprintable) else { return }
            var cleaned = String.UnicodeScalarView()
            for scalar in value.unicodeScalars {
                guard UnprintableText.isUnprintable(scalar) else {
                    cleaned.append(scalar)
                    continue
                }
                count += 1
                kinds.insert(scalar.value)
                if firstPath == nil { firstPath = path }
                cleaned.append(contentsOf: UnprintableText.replacement(for: scalar).unicodeScalars)
            }
            value = String(cleaned)
        }

        mutating func blocks(_ blocks: inout [Block]) {
            for index in blocks.indices { at(index) { $0.block(&blocks[index]) } }
        }

        mutating func block(_ block: inout Block) {
            switch block {
            case .heading(let level, var content):
                inlines(&content)
                block = .heading(level: level, content: content)
            case .paragraph(var content):
                inlines(&content)
                block = .paragraph(content)
            case .quote(var content, var attribution):
                blocks(&content)
                optional(&attribution)
                block = .quote(content: content, attribution: attribution)
            case .pullQuote(var content, var attribution):
                inlines(&content)
                optional(&attribution)
                block = .pullQuote(content: content, attribution: attribution)
            case .list(let ordered, var items):
                for index in items.indices { blocks(&items[index]) }
                block = .list(ordered: ordered, items: items)
            case .note(var label, var content):
                optional(&label)
                blocks(&content)
                block = .note(label: label, content: content)
            case .rule:
                break
            case .figure(var figure):
                self.figure(&figure)
                block = .figure(figure)
            case .table(var table):
                for row in table.header.indices { for cell in table.header[row].indices { inlines(&table.header[row][cell].content) } }
                for row in table.rows.indices { for cell in table.rows[row].indices { inlines(&table.rows[row][cell].content) } }
                if var caption = table.caption {
                    inlines(&caption)
                    table.caption = caption
                }
                block = .table(table)
            case .preformatted(var text, let language):
                self.text(&text)
                block = .preformatted(text, language: language)
            }
        }

        mutating func figure(_ figure: inout Figure) {
            text(&figure.alt)
            optional(&figure.credit)
            if var caption = figure.caption {
                inlines(&caption)
                figure.caption = caption
            }
        }

        mutating func inlines(_ inlines: inout [Inline]) {
            for index in inlines.indices { inline(&inlines[index]) }
        }

        mutating func inline(_ inline: inout Inline) {
            switch inline {
            case .text(var text):
                self.text(&text)
                inline = .text(text)
            case .code(var text):
                self.text(&text)
                inline = .code(text)
            case .emphasis(var content):
                inlines(&content)
                inline = .emphasis(content)
            case .strong(var content):
                inlines(&content)
                inline = .strong(content)
            case .link(let url, var content):
                inlines(&content)
                inline = .link(url: url, content: content)
            case .language(let tag, var content):
                inlines(&content)
                inline = .language(tag: tag, content: content)
            case .superscript(var content):
                inlines(&content)
                inline = .superscript(content)
            case .subscript(var content):
                inlines(&content)
                inline = .subscript(content)
            case .strikethrough(var content):
                inlines(&content)
                inline = .strikethrough(content)
            case .lineBreak, .footnoteReference:
                break
            }
        }
    }
}

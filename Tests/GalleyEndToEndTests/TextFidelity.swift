import Foundation
import GalleyModel

/// Compares texts the way a reader would: letters and digits only, so that line breaks, hyphens and spacing don't matter.
enum TextFidelity {
    /// Lower-case words of letters and digits; hyphens inside words are dropped so that a hyphen at a line end
    /// (which pdftotext joins) and one inside a line compare equal, and soft hyphens at line ends rejoin their word.
    static func words(_ text: String) -> [String] {
        let joined = text.replacingOccurrences(of: "\u{00AD}\n", with: "").replacingOccurrences(of: "\u{00AD}", with: "")
            .replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "\u{2010}", with: "").lowercased()
        return joined.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The first word of `expected` (with the words before it, for context) not found in `actual` in order, or nil.
    ///
    /// Words may be separated by other material (footnotes, running heads), but none may be lost or reordered.
    static func firstMissing(_ expected: [String], in actual: String) -> String? {
        let haystack = words(actual)
        var position = 0
        let needles = expected.flatMap(words)
        for (index, word) in needles.enumerated() {
            guard let found = haystack[position...].firstIndex(of: word) else {
                return needles[max(0, index - 6)...index].joined(separator: " ")
            }
            position = found + 1
        }
        return nil
    }

    /// Every text piece of an article in reading order.
    static func pieces(of article: Article) -> [String] {
        var result = [article.title] + article.authors
        for block in article.body { result += block.plainText.split(separator: "\n").map(String.init) }
        if let signOff = article.signOff { result.append(signOff) }
        if let translation = article.translation {
            result += [translation.translator] + [translation.from, translation.sourceURL].compactMap { $0 }
        }
        for note in article.notes { result += [note.label] + note.content.map(\.plainText) }
        for group in article.related { result += [group.topic] + group.articles.map(\.title) }
        if let footer = article.publisherFooter { result.append(footer) }
        return result
    }

    /// The letters and digits of `text`, for scripts written without spaces.
    static func letters(_ text: String) -> [String] {
        text.filter { $0.isLetter || $0.isNumber }.map(String.init)
    }

    /// The share of `expected` found in `actual` in order: the length of their longest common subsequence over the
    /// length of `expected` (running heads, notes and tables set apart may come between, but nothing may be lost
    /// or reordered).
    static func orderedRecall(_ expected: [String], in actual: [String]) -> Double {
        guard !expected.isEmpty else { return 1 }
        // Items as integers, and two rows of the dynamic-programming table.
        var codes: [String: Int32] = [:]
        let a = expected.map { item -> Int32 in
            if let known = codes[item] { return known }
            codes[item] = Int32(codes.count)
            return Int32(codes.count - 1)
        }
        let b = actual.map { item in codes[item] ?? -1 }
        var previous = [Int32](repeating: 0, count: b.count + 1)
        var current = previous
        for item in a {
            for column in 1...max(1, b.count) where column <= b.count {
                current[column] = item == b[column - 1] ? previous[column - 1] + 1 : max(previous[column], current[column - 1])
            }
            swap(&previous, &current)
        }
        return Double(previous[b.count]) / Double(expected.count)
    }

    /// The share of `expected` found in `actual`, counting repeats, in any order.
    static func multisetRecall(_ expected: [String], in actual: [String]) -> Double {
        guard !expected.isEmpty else { return 1 }
        var available = Dictionary(actual.map { ($0, 1) }, uniquingKeysWith: +)
        var found = 0
        for item in expected where (available[item] ?? 0) > 0 {
            available[item]! -= 1
            found += 1
        }
        return Double(found) / Double(expected.count)
    }

    /// A line of `pdftotext -bbox-layout` output: its box and its words joined.
    struct LineBox {
        var xMin: Double
        var yMin: Double
        var xMax: Double
        var yMax: Double
        var text: String
    }

    /// The lines of a `pdftotext -bbox-layout` XHTML document (read with patterns: its structure is fixed and flat).
    static func lineBoxes(_ xhtml: String) throws -> [LineBox] {
        let line = try NSRegularExpression(pattern: #"<line xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">(.*?)</line>"#,
                                           options: [.dotMatchesLineSeparators])
        let word = try NSRegularExpression(pattern: #"<word[^>]*>(.*?)</word>"#)
        let text = xhtml as NSString
        return line.matches(in: xhtml, range: NSRange(location: 0, length: text.length)).map { match in
            func number(_ group: Int) -> Double { Double(text.substring(with: match.range(at: group))) ?? 0 }
            let body = text.substring(with: match.range(at: 5))
            let words = word.matches(in: body, range: NSRange(location: 0, length: (body as NSString).length)).map {
                (body as NSString).substring(with: $0.range(at: 1))
            }
            return LineBox(xMin: number(1), yMin: number(2), xMax: number(3), yMax: number(4), text: words.joined())
        }
    }

    /// Printed lines from the words of `pdftotext -bbox` output: poppler splits a line of mixed directions into
    /// several of its own, but its words keep their boxes. Words whose bottoms lie within 4 pt are one line (faces
    /// differ in depth, and no layout sets lines closer than 8 pt); lone marks and punctuation are left out.
    static func printedLines(_ xhtml: String) throws -> [LineBox] {
        let page = try NSRegularExpression(pattern: #"<page [^>]*>(.*?)</page>"#, options: [.dotMatchesLineSeparators])
        let word = try NSRegularExpression(pattern: #"<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">(.*?)</word>"#)
        let text = xhtml as NSString
        var result: [LineBox] = []
        for pageMatch in page.matches(in: xhtml, range: NSRange(location: 0, length: text.length)) {
            let body = text.substring(with: pageMatch.range(at: 1)) as NSString
            let words = word.matches(in: body as String, range: NSRange(location: 0, length: body.length)).map { match in
                func number(_ group: Int) -> Double { Double(body.substring(with: match.range(at: group))) ?? 0 }
                return LineBox(xMin: number(1), yMin: number(2), xMax: number(3), yMax: number(4), text: body.substring(with: match.range(at: 5)))
            }.filter { $0.text.contains { $0.isLetter || $0.isNumber } }.sorted { $0.yMax < $1.yMax }
            var lines: [LineBox] = []
            for box in words {
                if var last = lines.last, box.yMax - last.yMax < 4 {
                    last.xMin = min(last.xMin, box.xMin)
                    last.xMax = max(last.xMax, box.xMax)
                    last.text += box.text
                    lines[lines.count - 1] = last
                } else {
                    lines.append(box)
                }
            }
            result += lines
        }
        return result
    }
}

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
}

import GalleyModel

/// Compares texts the way a reader would: letters and digits only, so that line breaks, hyphens and spacing don't matter.
enum TextFidelity {
    static func normalized(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }

    /// The first piece of `expected` that cannot be found in `actual` after the previous one, or nil if all are there in order.
    static func firstMissing(_ expected: [String], in actual: String) -> String? {
        let haystack = normalized(actual)
        var position = haystack.startIndex
        for piece in expected {
            let needle = normalized(piece)
            guard !needle.isEmpty else { continue }
            guard let range = haystack.range(of: needle, range: position..<haystack.endIndex) else { return piece }
            position = range.upperBound
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

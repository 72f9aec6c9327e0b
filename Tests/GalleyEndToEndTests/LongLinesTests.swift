import Foundation
import Testing

/// Nothing runs out of the text block: words wider than a line are cut, and list numbers of any length fit.
@Suite struct LongLinesTests {
    /// A justified paragraph long enough to fill whole lines, whose printed edges are the text block's edges.
    static let filler = String(repeating: "Workers at the depot voted to stop the early start and to share the night rota. ", count: 8)

    /// Renders `json` and returns the printed lines of every page, with the command's standard error.
    private func render(_ json: String, name: String) async throws -> (lines: [TextFidelity.LineBox], stderr: String, pdf: URL) {
        let folder = try Workspace.temporaryFolder()
        let source = folder.appendingPathComponent("\(name).json")
        try json.write(to: source, atomically: true, encoding: .utf8)
        let pdf = folder.appendingPathComponent("\(name).pdf")
        let result = try await Workspace.galley(["render", source.path, "-o", pdf.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try TextFidelity.printedLines(try await Workspace.poppler("pdftotext", ["-bbox", pdf.path, "-"]))
        return (lines, result.stderr, pdf)
    }

    /// The left and right edges of the text block, from the filler paragraph's justified lines.
    private func textBlock(_ lines: [TextFidelity.LineBox]) throws -> (left: Double, right: Double) {
        let filled = lines.filter { $0.text.hasPrefix("Workers") || $0.text.contains("depot") }
        try #require(filled.count >= 3)
        return (filled.map(\.xMin).min() ?? 0, filled.map(\.xMax).max() ?? 0)
    }

    @Test func wordsWiderThanALineAreCutBetweenCharacters() async throws {
        let word = String(repeating: "q", count: 5000)
        let address = "https://example.org/" + String(repeating: "a-very-long-path-segment/", count: 12)
        let path = "https://example.org/" + String(repeating: "pathsegmentwithouthyphens/", count: 12)
        let code = String(repeating: "0123456789", count: 30)
        let json = #"{"id": "long", "title": "Long", "language": "en", "blocks": ["#
            + #"{"type": "paragraph", "content": "\#(Self.filler)"},"#
            + #"{"type": "paragraph", "content": "Before \#(word) after."},"#
            + #"{"type": "paragraph", "content": "See \#(address) for more."},"#
            + #"{"type": "paragraph", "content": "Or \#(path) for more."},"#
            + #"{"type": "preformatted", "text": "\#(code)"}]}"#
        let (lines, stderr, _) = try await render(json, name: "long")
        #expect(stderr.contains("warning: 3 words were wider than a line and cut between characters, the first “\(word.prefix(40))”"), "\(stderr)")
        let block = try textBlock(lines)
        // A hyphen ending a line hangs into the margin (hanging punctuation), by no more than its width.
        for line in lines {
            #expect(line.xMax <= block.right + 4 && line.xMin >= block.left - 1, "\(line.text.prefix(50)) runs from \(line.xMin) to \(line.xMax)")
        }
        // Every character is printed, in order.
        let printed = lines.map(\.text).joined()
        #expect(printed.filter { $0 == "q" }.count == word.count)
        #expect(lines.filter { $0.text.allSatisfy(\.isNumber) }.map(\.text).joined() == code)
        // The address breaks after its hyphens (more lines in a row than the hyphen limit allows), not inside words.
        #expect(printed.contains(address) && printed.contains(path))
        #expect(lines.contains { $0.text.hasPrefix("Before") } && lines.contains { $0.text.hasSuffix("after.") })
    }

    @Test func aWordOfManyLinesStartsItsOwnLineAndFillsEachLine() async throws {
        // 40,000 digits: far wider than four lines, so it is cut into line-wide slices rather than after every digit
        // (which made a 5 MB word take 60 s and 3.3 GB).
        let number = String(repeating: "3141592653", count: 4_000)
        let json = #"{"id": "number", "title": "Number", "language": "en", "blocks": ["#
            + #"{"type": "paragraph", "content": "\#(Self.filler)"},"#
            + #"{"type": "paragraph", "content": "The digits \#(number) and after them a few words."}]}"#
        let (lines, stderr, _) = try await render(json, name: "number")
        #expect(stderr.contains("warning: 1 word was wider than a line"), "\(stderr)")
        let block = try textBlock(lines)
        let digitLines = lines.filter { $0.text.allSatisfy(\.isNumber) }
        // Every digit, in order: the number's own lines, then the start of the line it shares with what follows.
        // (The printed lines join their words without spaces.)
        let lead = try #require(lines.first { $0.text.hasPrefix("Thedigits") })
        let tail = try #require(lines.first { $0.text.contains("andafter") })
        let tailDigits = String(tail.text.prefix { $0.isNumber })
        #expect(digitLines.map(\.text).joined() + tailDigits == number)
        // The words before it end their line ragged, rather than being spread across the measure.
        #expect(lead.text == "Thedigits")
        #expect(lead.xMax < block.left + (block.right - block.left) / 2)
        // Each of the number's lines is full to within two digits, and none runs past the text block.
        let digit = (block.right - block.left) / Double(digitLines.first?.text.count ?? 1)
        for line in digitLines {
            #expect(line.xMin >= block.left - 1 && line.xMax <= block.right + 1, "\(line.text.prefix(20)) runs to \(line.xMax)")
            #expect(line.xMax >= block.right - 2 * digit, "\(line.text.prefix(20)) ends at \(line.xMax)")
        }
    }

    @Test(arguments: [("en", "Item"), ("he", "פריט")])
    func listNumbersOfTwoDigitsStayInsideTheTextBlock(_ language: String, _ word: String) async throws {
        let items = (1...12).map { #""\#(word) \#($0)""# }.joined(separator: ",")
        let filler = language == "he" ? String(repeating: "העובדים במחסן הצביעו להפסיק את המשמרת המוקדמת ולחלק את התורנות. ", count: 8) : Self.filler
        let json = #"{"id": "list-\#(language)", "title": "List", "language": "\#(language)", "blocks": ["#
            + #"{"type": "paragraph", "content": "\#(filler)"},"#
            + #"{"type": "list", "ordered": true, "items": [\#(items)]}]}"#
        let (lines, _, _) = try await render(json, name: "list-\(language)")
        let filled = lines.filter { $0.text.count > 40 }
        try #require(filled.count >= 3)
        let left = filled.map(\.xMin).min() ?? 0
        let right = filled.map(\.xMax).max() ?? 0
        // poppler gives right-to-left words in the order they are drawn.
        let numbered = lines.filter { $0.text.contains(word) || $0.text.contains(String(word.reversed())) }
        #expect(numbered.count == 12)
        for line in numbered {
            #expect(line.xMin >= left - 1 && line.xMax <= right + 1, "\(line.text) runs from \(line.xMin) to \(line.xMax), the block from \(left) to \(right)")
        }
    }
}

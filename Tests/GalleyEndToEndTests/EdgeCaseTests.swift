import Foundation
import Testing

/// Odd but valid articles must render without a crash or hang, and say what they could not set.
@Suite struct EdgeCaseTests {
    static let cases: [String: String] = [
        "empty-body": #"{"id":"1","title":"Empty","blocks":[]}"#,
        "blank-paragraphs": #"{"id":"2","title":"Blank","blocks":[{"type":"paragraph","content":"   "},{"type":"paragraph","content":""}]}"#,
        "long-word": "{\"id\":\"3\",\"title\":\"Long\",\"blocks\":[{\"type\":\"paragraph\",\"content\":\"\(String(repeating: "x", count: 5000))\"}]}",
        "ragged-table": #"{"id":"4","title":"Table","blocks":[{"type":"table","header":[["a","b","c"]],"rows":[["1"],["1","2","3","4","5"],[]]}]}"#,
        "empty-table": #"{"id":"5","title":"No rows","blocks":[{"type":"table","rows":[]}]}"#,
        "nested": #"{"id":"6","title":"Nested","blocks":[{"type":"quote","blocks":[{"type":"list","items":[{"blocks":[{"type":"quote","blocks":[{"type":"list","ordered":true,"items":["deep"]}]}]}]}]}]}"#,
        "breaks": #"{"id":"7","title":"Breaks","blocks":[{"type":"paragraph","content":[{"type":"break"},{"type":"break"},"a",{"type":"break"}]}]}"#,
        "emoji": #"{"id":"8","title":"Emoji","blocks":[{"type":"paragraph","content":"Solidarity ✊ and 💪"}]}"#,
        "private-use": #"{"id":"10","title":"Private","blocks":[{"type":"paragraph","content":"A private-use \uE000 and a new emoji \uD83D\uDFE1."}]}"#,
        "many-notes": "{\"id\":\"9\",\"title\":\"Notes\",\"blocks\":[{\"type\":\"paragraph\",\"content\":[\"w \","
            + (0..<60).map { "{\"type\":\"footnote\",\"ref\":\"\($0)\"}" }.joined(separator: ",") + "]}],\"footnotes\":["
            + (0..<60).map { "{\"id\":\"\($0)\",\"blocks\":[{\"type\":\"paragraph\",\"content\":\"\(String(repeating: "note ", count: 60))\"}]}" }.joined(separator: ",") + "]}",
    ]

    @Test func oddArticlesRenderAndMissingGlyphsAreReported() async throws {
        let folder = try Workspace.temporaryFolder()
        var paths: [String] = []
        for (name, json) in Self.cases {
            let url = folder.appendingPathComponent("\(name).json")
            try json.write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        let out = folder.appendingPathComponent("out")
        let result = try await Workspace.galley(["render"] + paths.sorted() + ["--out-dir", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".pdf") }.count == Self.cases.count)
        // Emoji are drawn (in outline, from Symbola); characters no font has are named.
        #expect(!result.stderr.contains("emoji.json: warning"), "\(result.stderr)")
        #expect(result.stderr.contains("private-use.json: warning: 2 glyphs are missing from the fonts (drawn as empty boxes): “\u{E000}” U+E000, “🟡” U+1F7E1"),
                "\(result.stderr)")
        let notes = try await Workspace.poppler("pdfinfo", [out.appendingPathComponent("notes_a9.pdf").path])
        let pages = notes.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") }
        // 60 notes of 60 words, about 250 lines of notes at some 70 to a page: they continue over four pages at least.
        #expect((pages ?? 0) >= 4, "60 footnotes of four lines each continue over several pages")
    }
}

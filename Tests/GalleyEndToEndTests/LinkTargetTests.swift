import Foundation
import Testing

/// Link targets cairo would write unescaped: a lone parenthesis, a backslash, a space or a letter outside ASCII in a
/// URL or a footnote's name must still give a PDF that opens, with every link leading where the article said.
@Suite struct LinkTargetTests {
    @Test func oddCharactersInLinkTargetsGiveAReadablePDF() async throws {
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = folder.appendingPathComponent("links.md")
        try """
        ---
        title: Links
        ---
        A [lone closing](<https://example.org/a)b>) parenthesis, a [lone opening](<https://example.org/c(d>), a \
        [backslash](https://example.org/e\\\\f), an [accent](https://example.org/été), an \
        [encoded](https://example.org/g%20h) one and a note.[^n(1]

        [^n(1]: The note's name has a parenthesis too.
        """.write(to: article, atomically: true, encoding: .utf8)
        let pdf = folder.appendingPathComponent("links.pdf").path
        let result = try await Workspace.galley(["render", article.path, "-o", pdf])
        try #require(result.status == 0, "\(result.stderr)")
        let check = try await Workspace.run("/usr/bin/env", ["qpdf", "--check", pdf])
        #expect(check.status == 0, "\(check.text)")
        let expanded = try await Workspace.run("/usr/bin/env", ["qpdf", "--qdf", "--object-streams=disable", pdf, "-"])
        let uris = expanded.text.split(separator: "\n").filter { $0.contains("/URI (") }.map { String($0) }
        // The characters a PDF string cannot hold as they are come percent-encoded; an encoded one stays as it was.
        for expected in ["https://example.org/a%29b", "https://example.org/c%28d", "https://example.org/e%5Cf",
                         "https://example.org/%C3%A9t%C3%A9", "https://example.org/g%20h"] {
            #expect(uris.contains { $0.contains("(\(expected))") }, "\(expected) in \(uris)")
        }
        // The note's call still leads to the note: one internal link, to a destination the document has.
        let text = try await Workspace.poppler("pdftotext", [pdf, "-"])
        #expect(text.contains("The note’s name has a parenthesis too.") || text.contains("The note's name has a parenthesis too."))
    }
}

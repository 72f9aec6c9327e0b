import Foundation
import Testing

/// Issue 11's reproducers through the command line: each ends in a PDF with a warning, or one located error.
@Suite struct HostileInputTests {
    @Test func noncharactersRenderWithOneWarning() async throws {
        let folder = try Workspace.temporaryFolder()
        let input = folder.appendingPathComponent("nc.json")
        try #"{"id":"nc","title":"Non\uFDD0chars","language":"en","blocks":[{"type":"paragraph","content":"Before \uFFFE middle \uDBFF\uDFFF and \u0001 after words."}]}"#
            .write(to: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("nc.pdf")
        let result = try await Workspace.galley(["render", input.path, "-o", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("cairo"), "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "cannot be printed").count == 2, "\(result.stderr)")
        #expect(result.stderr.contains("\(input.path):1: warning: 4 characters that cannot be printed were dropped"), "\(result.stderr)")
        let text = try await Workspace.poppler("pdftotext", [output.path, "-"])
        #expect(text.contains("Before") && text.contains("middle") && text.contains("after words."))
    }

    @Test func anArticlePastThePageLimitFailsNamingItAndTheLimit() async throws {
        let folder = try Workspace.temporaryFolder()
        let input = folder.appendingPathComponent("long.json")
        let blocks = (0..<60).map { _ in "{\"type\":\"paragraph\",\"content\":\"\(String(repeating: "many words ", count: 80))\"}" }
        try "{\"id\":\"long\",\"title\":\"Long\",\"language\":\"en\",\"blocks\":[\(blocks.joined(separator: ","))]}"
            .write(to: input, atomically: true, encoding: .utf8)
        for command in ["render", "check"] {
            let result = try await Workspace.galley([command, input.path, "--limit", "pages-per-article=2"]
                                              + (command == "render" ? ["--out-dir", folder.path] : []))
            #expect(result.status == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("\(input.path): article long would fill more than 2 pages (the pages-per-article limit"),
                    "\(command): \(result.stderr)")
        }
        #expect(try await Workspace.galley(["render", input.path, "--out-dir", folder.path]).status == 0)
    }

    @Test func frontMatterNestedThousandsDeepIsALocatedError() async throws {
        let folder = try Workspace.temporaryFolder()
        let input = folder.appendingPathComponent("deep.md")
        try ("---\ntitle: Deep\nx: " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000) + "\n---\n\nText.\n")
            .write(to: input, atomically: true, encoding: .utf8)
        let result = try await Workspace.galley(["render", input.path, "--out-dir", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(input.path):3: nesting deeper than 200 levels (the nesting-depth limit"), "\(result.stderr)")
    }
}

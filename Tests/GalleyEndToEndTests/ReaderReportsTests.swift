import Foundation
import GalleyTestSupport
import Testing

/// What the readers report reaches the user: every field error of a file on standard error in one run, and the
/// warning for a title taken from the file name on standard error and in the export manifest.
@Suite struct ReaderReportsTests {
    @Test func everyFieldErrorOfAFileIsPrintedInOneRun() async throws {
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A date of the wrong type, a misspelt block type, and a heading without its text (also read by scripts/deb-check.sh).
        let article = Workspace.fixtures.appendingPathComponent("three-typos.json")
        let result = try await Workspace.galley(["render", article.path, "--out-dir", folder.path])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(result.stderr)")
        #expect(lines.map { $0.split(separator: ":").prefix(2).joined(separator: ":") } == [4, 6, 7].map { "\(article.path):\($0)" })
        #expect(lines[0].hasSuffix("date: expected a string"))
    }

    @Test func aTitleFromTheFileNameIsAWarningOnStandardErrorAndInTheManifest() async throws {
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sources = folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        let note = sources.appendingPathComponent("shift-notes_2025.md")
        try Data("The vote was 212 to 9.\n".utf8).write(to: note)

        let rendered = try await Workspace.galley(["render", note.path, "--out-dir", folder.path])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        #expect(rendered.stderr.contains("\(note.path): warning: title: the article gives no title and has no heading; the title \"Shift notes 2025\" was made from the file name"),
                "\(rendered.stderr)")

        let out = folder.appendingPathComponent("out")
        let exported = try await Workspace.galley(["export", sources.path, "--out-dir", out.path, "--jobs", "1"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("was made from the file name"), "\(manifest)")
    }
}

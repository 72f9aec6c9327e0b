import Foundation
import Testing

/// Runs the `galley` executable as a user would and checks exit codes, messages and files.
@Suite struct CommandLineTests {
    @Test func renderNamesTheFileByTheCMSRule() async throws {
        let folder = try Workspace.temporaryFolder()
        let result = try await Workspace.galley(["render", Workspace.example("iv-9062.json"), "--out-dir", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names == ["support-the-russian-ukrainian-resistance-against_a9062.pdf"])
    }

    @Test func aMalformedArticleGetsOneLocatedLineAndNoFile() async throws {
        let folder = try Workspace.temporaryFolder()
        let bad = Workspace.fixtures.appendingPathComponent("bad.json").path
        let result = try await Workspace.galley(["render", bad, "--out-dir", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr == "\(bad):10: blocks[3].type: unknown block type \"pagraph\" (expected one of heading, paragraph, quote, pullquote, list, note, rule, figure, table, preformatted)\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func oneBadArticleDoesNotStopTheOthers() async throws {
        let folder = try Workspace.temporaryFolder()
        let bad = Workspace.fixtures.appendingPathComponent("bad.json").path
        let result = try await Workspace.galley(["render", bad, Workspace.example("ru-profsoyuzy.json"), "--out-dir", folder.path])
        #expect(result.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 1)
    }

    @Test func aMissingFileIsNamed() async throws {
        let result = try await Workspace.galley(["render", "no/such/article.json", "-o", "/tmp/never.pdf"])
        #expect(result.status == 1)
        #expect(result.stderr == "no/such/article.json: no such file or folder\n")
    }

    @Test func aBadLayoutNamesFileLineAndKey() async throws {
        let layout = Workspace.fixtures.appendingPathComponent("bad-layout.yaml").path
        let result = try await Workspace.galley(["render", Workspace.example("iv-9062.json"), "-o", "/tmp/never.pdf", "--layout", layout])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("\(layout):4: page.margns: unknown key (expected one of: margins, size)"), "\(result.stderr)")
    }

    @Test func standardInputToStandardOutput() async throws {
        let input = try Data(contentsOf: URL(fileURLWithPath: Workspace.example("iv-9062.json")))
        let result = try await Workspace.galley(["render", "-", "-o", "-"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.starts(with: Data("%PDF-".utf8)))
        #expect(result.stdout.count > 10_000)
    }

    @Test func anUnknownLineBreakerIsAUsageError() async throws {
        let result = try await Workspace.galley(["render", Workspace.example("iv-9062.json"), "--line-breaker", "greedy"])
        // The parser refuses it, naming the accepted values, with the usage of `render` rather than of `galley`.
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("'greedy'") && result.stderr.contains("'first-fit'") && result.stderr.contains("'knuth-plass'"),
                "\(result.stderr)")
        #expect(result.stderr.contains("Usage: galley render"), "\(result.stderr)")
    }
}

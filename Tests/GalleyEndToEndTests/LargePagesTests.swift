import Foundation
@testable import GalleyFiles
import Testing

/// Checks when `galley bundle` starts again with huge pages for its heaps, and that the PDF does not depend on it.
@Suite struct LargePagesTests {
    static let madvise = "always [madvise] never\n"

    @Test func onlyTheIssueCommandsStartAgain() {
        for command in ["bundle", "bench-bundle"] {
            #expect(LargePages.tunables(command: command, existing: nil, switchValue: nil, mode: Self.madvise, glibcVersion: "2.36")
                == "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864")
        }
        for command in ["render", "export", "export-worker", "check", "--version", nil] {
            #expect(LargePages.tunables(command: command, existing: nil, switchValue: nil, mode: Self.madvise, glibcVersion: "2.36") == nil,
                    "\(command ?? "no command") should not start again")
        }
    }

    @Test func theUsersSettingsAndTheKernelDecide() {
        func tunables(existing: String? = nil, switchValue: String? = nil, mode: String? = Self.madvise, glibc: String? = "2.36") -> String? {
            LargePages.tunables(command: "bundle", existing: existing, switchValue: switchValue, mode: mode, glibcVersion: glibc)
        }
        // Tunables already set: the user's own, or the second start's, which must not start a third.
        #expect(tunables(existing: "glibc.malloc.arena_max=2") == nil)
        #expect(tunables(existing: "") == nil)
        #expect(tunables(switchValue: "0") == nil)
        #expect(tunables(switchValue: "1") != nil)
        #expect(tunables(mode: "always madvise [never]\n") == nil)
        #expect(tunables(mode: "[always] madvise never\n") != nil)
        #expect(tunables(mode: nil) == nil)
        #expect(tunables(glibc: "2.34") == nil)
        #expect(tunables(glibc: "2.35") != nil)
        #expect(tunables(glibc: "3.0") != nil)
        #expect(tunables(glibc: nil) == nil)
        #expect(tunables(glibc: "unknown") == nil)
    }

    @Test func theIssueHasTheSameBytesWithAndWithoutHugePages() async throws {
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let issue = Workspace.root.appendingPathComponent("Examples/issue.yaml").path
        var outputs: [Data] = []
        for (name, extra) in [("default", [:]), ("off", ["GALLEY_LARGE_PAGES": "0"]), ("own", ["GLIBC_TUNABLES": "glibc.malloc.arena_max=1"])] {
            let output = folder.appendingPathComponent("\(name).pdf").path
            var environment = ProcessInfo.processInfo.environment
            environment.removeValue(forKey: "GLIBC_TUNABLES")
            environment.merge(extra) { $1 }
            let result = try await Workspace.run(Workspace.galley.path, ["bundle", issue, "--no-cache", "-o", output], environment: environment)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: output)))
        }
        #expect(outputs[0].count > 10_000)
        #expect(outputs[0] == outputs[1], "huge pages changed the PDF")
        #expect(outputs[0] == outputs[2], "the user's own tunables changed the PDF")
    }
}

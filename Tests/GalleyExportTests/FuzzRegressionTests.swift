import Foundation
import GalleyTestSupport
import GalleyFuzzing
import Testing

/// Every input the fuzzers ever found a fault with (kept in `Tests/Fuzz/<target>/`), and the seeds they start
/// from, replayed through the same targets `scripts/fuzz.sh` fuzzes: each must be accepted or refused with a
/// located message, never crash Galley.
@Suite struct FuzzRegressionTests {
    static let targets = FuzzTarget.allCases.map(\.rawValue)

    /// The replay tool, built beside `galley`.
    static var replay: URL { ExportHarness.galley.deletingLastPathComponent().appendingPathComponent("galley-fuzz") }

    static func findings(_ target: String) -> [String] {
        let folder = ExportHarness.root.appendingPathComponent("Tests/Fuzz/\(target)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    @Test(arguments: targets)
    func keptFindingsAndSeedsNeitherCrashNorGoUnanswered(_ target: String) async throws {
        let seeds: [String] = switch target {
        case "json": ExportHarness.examples.map(\.path)
        case "markdown", "typeset": [ExportHarness.root.appendingPathComponent("Tests/GalleyIngestTests/Fixtures/iv-9062.md").path]
        case "html": [ExportHarness.root.appendingPathComponent("Tests/GalleyIngestTests/Fixtures/iv-9062.html").path]
        case "wordpress": [ExportHarness.root.appendingPathComponent("Tests/GalleyIngestTests/Fixtures/wp-post.json").path]
        case "wxr": [ExportHarness.root.appendingPathComponent("Tests/GalleyIngestTests/Fixtures/wxr-sample.xml").path]
        case "issue": [ExportHarness.root.appendingPathComponent("Examples/issue.yaml").path]
        default: [ExportHarness.root.appendingPathComponent("Layouts/article-a4.yaml").path]
        }
        let inputs = seeds + Self.findings(target)
        let result = try await FuzzReplayRun(tool: Self.replay, target: target, inputs: inputs).run()
        #expect(result.status == 0, "\(result.output)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == inputs.count, "\(result.output)")
        // The seeds are good articles and layouts: Galley must accept them, or the fuzzers start from nothing.
        for seed in seeds {
            #expect(lines.contains { $0 == "\(seed): accepted" }, "\(result.output)")
        }
    }

    @Test func aBase60NumberTooLargeForYamsIsRefusedWithItsLine() async throws {
        let finding = ExportHarness.root.appendingPathComponent("Tests/Fuzz/issue/yams-sexagesimal-overflow.yaml").path
        let result = try await FuzzReplayRun(tool: Self.replay, target: "issue", inputs: [finding]).run()
        #expect(result.status == 0)
        #expect(result.output.contains("reads as a base-60 number"), "\(result.output)")
        #expect(result.output.contains("(line 2)"), "\(result.output)")
    }
}

/// One run of the replay tool over some inputs.
struct FuzzReplayRun {
    var tool: URL
    var target: String
    var inputs: [String]

    /// Runs the tool to the end and returns its status and standard output (standard error appended).
    func run() async throws -> (status: Int32, output: String) {
        let outcome = try await ChildProcess.run(tool, [target] + inputs,
                                                 environment: ["GALLEY_HOME": ExportHarness.root.path, "SWIFT_BACKTRACE": "enable=no"])
        return (outcome.status, outcome.output + outcome.errors)
    }
}

import Foundation
import Testing

/// An article that crashes, traps or hangs Galley costs only its worker process: it is recorded as failed with its
/// file and the reason, and every other article is written.
@Suite(.serialized) struct CrashIsolationTests {
    @Test func crashesTrapsAndHangsFailAloneAndTheExportGoesOn() async throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = try ExportHarness.archive(8, in: folder)
        let out = folder.appendingPathComponent("out")
        // The limit leaves a debug build's first article on a loaded machine time enough; only the hang reaches it.
        let faults = ["GALLEY_FAULT_INJECTION": "crash:100001,trap:100004,hang:100006"]
        let result = try await ExportHarness.run(["export", articles.path, "--out-dir", out.path, "--jobs", "2", "--json",
                                            "--limit", "article-seconds=20"], environment: faults)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.count("rebuilt") == 5 && result.count("failed") == 3, "\(result.stdout)")
        let failures = result.events.filter { $0["status"] as? String == "failed" }
        func message(_ id: String) -> String { failures.first { $0["id"] as? String == id }?["message"] as? String ?? "" }
        #expect(message("100001").contains("a100001.json: Galley's worker process crashed (signal 11"), "\(message("100001"))")
        #expect(message("100004").contains("crashed (signal 4") && message("100004").contains("Fatal error: injected trap"), "\(message("100004"))")
        #expect(message("100006").contains("took more than 20 s (limit article-seconds)"), "\(message("100006"))")
        // The survivors are whole and in the manifest; the failed ones have no PDF and are listed as failed, with the
        // message the user was given.
        let entries = try ExportHarness.manifest(out.appendingPathComponent("manifest.json"))
        #expect(entries.compactMap { $0["id"] as? String } == (0..<8).map { "\(100_000 + $0)" })
        let failed = entries.filter { $0["status"] as? String == "failed" }
        #expect(failed.compactMap { $0["id"] as? String } == ["100001", "100004", "100006"])
        #expect(failed.allSatisfy { $0["error"] as? String == message($0["id"] as? String ?? "") && $0["output"] == nil })
        #expect(ExportHarness.pdfs(in: out).count == 5)
        #expect(ExportHarness.pdfs(in: out).allSatisfy { ExportHarness.isWholePDF(out.appendingPathComponent($0)) })

        // Without the faults, the next run sets exactly the three that failed.
        let rerun = try await ExportHarness.export([articles], out: out)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.count("rebuilt") == 3 && rerun.count("skipped") == 5)
    }

    @Test func aSecondExportOfTheSameManifestIsRefusedAndTheFirstLosesNothing() async throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = try ExportHarness.archive(40, in: folder)
        let out = folder.appendingPathComponent("out")
        let first = try ExportHarness.Child(["export", articles.path, "--out-dir", out.path, "--jobs", "1", "--json"])
        #expect(await ExportHarness.waitFor(seconds: 120) { ExportHarness.pdfs(in: out).count >= 1 })
        let second = try await ExportHarness.export([articles], out: out)
        let firstResult = try await first.wait()
        #expect(second.status == 2)
        #expect(second.stderr.contains("another export (process ") && second.stderr.contains("is writing \(out.path)/manifest.json"),
                "\(second.stderr)")
        #expect(firstResult.status == 0, "\(firstResult.stderr)")
        #expect(try ExportHarness.manifest(out.appendingPathComponent("manifest.json")).count == 40)
        // Once the first is done, the lock is free again.
        #expect(try await ExportHarness.export([articles], out: out).count("skipped") == 40)
    }

    @Test func figuresThatAreNotRegularFilesAreWarnedAboutAndNeverRead() async throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = folder.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles.appendingPathComponent("images"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: articles.appendingPathComponent("zero.png").path, withDestinationPath: "/dev/zero")
        #expect(mkfifo(articles.appendingPathComponent("pipe.png").path, 0o644) == 0)
        let figures = [("folder", "images"), ("folder-slash", "images/"), ("zero", "zero.png"), ("fifo", "pipe.png")]
        for (index, (name, source)) in figures.enumerated() {
            let json = #"{"id": "\#(index + 1)", "title": "\#(name)", "blocks": [{"type": "figure", "src": "\#(source)", "alt": "\#(name) figure"}]}"#
            try json.write(to: articles.appendingPathComponent("\(name).json"), atomically: true, encoding: .utf8)
        }
        let out = folder.appendingPathComponent("out")
        let result = try await ExportHarness.export([articles], out: out)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.count("rebuilt") == 4)
        // Each figure's problem is printed and kept in the manifest, and its alt text printed in its place.
        let warnings = try ExportHarness.manifest(out.appendingPathComponent("manifest.json")).flatMap { $0["warnings"] as? [String] ?? [] }
        #expect(warnings.contains { $0.contains("figure 1 (images): the image is a folder, not a file") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("figure 1 (pipe.png): the image is a named pipe (FIFO)") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("figure 1 (zero.png)") }, "\(warnings)")
        #expect(warnings.count == 4)
        // The user hears of them as each article finishes, not only from the manifest.
        #expect(result.events.contains { ($0["warnings"] as? [String] ?? []).contains { $0.contains("figure 1 (pipe.png)") } })
        let plain = try await ExportHarness.run(["export", articles.path, "--out-dir", out.path, "--force"])
        #expect(plain.stderr.contains("fifo.json: warning: figure 1 (pipe.png)"), "\(plain.stderr)")
    }
}

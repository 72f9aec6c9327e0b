import Foundation
import Testing

/// Killing or interrupting a run never leaves a partial PDF, and SIGINT stops cleanly after the articles in flight.
@Suite(.serialized) struct InterruptionTests {
    @Test func killNineLeavesOnlyWholePDFsAndTheNextRunCleansUp() async throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = try ExportHarness.archive(150, in: folder)
        let out = folder.appendingPathComponent("out")

        let child = try ExportHarness.Child(["export", articles.path, "--out-dir", out.path, "--jobs", "2", "--json"])
        let pid = child.process.processIdentifier
        #expect(await ExportHarness.waitFor(seconds: 120, { ExportHarness.pdfs(in: out).count >= 3 }, then: { _ = kill(pid, SIGKILL) }))
        let result = try await child.wait()
        #expect(result.status == SIGKILL)
        let pdfs = ExportHarness.pdfs(in: out)
        #expect(pdfs.count < 150)
        for name in pdfs {
            #expect(ExportHarness.isWholePDF(out.appendingPathComponent(name)), "\(name) is not a whole PDF")
        }
        // Nothing else is visible: no manifest yet, and any temporary file is hidden.
        let visible = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix(".") }
        #expect(visible.sorted() == pdfs)

        // Plant a stale temporary file of a dead writer and one Foundation's atomic writes leave, and age whatever the kill left.
        let stale = out.appendingPathComponent(".planted_a1.pdf.\(try Self.deadProcessID()).abcd1234.tmp")
        _ = FileManager.default.createFile(atPath: stale.path, contents: Data("%PDF-1.7 half".utf8))
        let foundation = out.appendingPathComponent(".dat.nosync1a2b.XyZ123")
        _ = FileManager.default.createFile(atPath: foundation.path, contents: Data("half".utf8))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: foundation.path)
        for name in ExportHarness.temporaries(in: out) {
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)],
                                                  ofItemAtPath: out.appendingPathComponent(name).path)
        }
        let rerun = try await ExportHarness.export([articles], out: out, ["--jobs", "2"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(ExportHarness.temporaries(in: out).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: foundation.path))
        #expect(ExportHarness.pdfs(in: out).count == 150)
        // The journal kept what the killed run finished: every PDF it wrote is skipped, but for those whose
        // worker was between writing the file and reporting it (at most one per job).
        #expect(rerun.count("skipped") >= pdfs.count - 2 && rerun.count("skipped") > 0, "\(pdfs.count) PDFs, \(rerun.count("skipped")) skipped")
        #expect(rerun.count("skipped") + rerun.count("rebuilt") == 150)
        #expect(try ExportHarness.manifest(out.appendingPathComponent("manifest.json")).count == 150)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(".manifest.json.journal").path))
    }

    @Test func sigintFinishesTheArticlesInFlightAndExits130() async throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = try ExportHarness.archive(150, in: folder)
        let out = folder.appendingPathComponent("out")

        let child = try ExportHarness.Child(["export", articles.path, "--out-dir", out.path, "--jobs", "2", "--json"])
        let pid = child.process.processIdentifier
        #expect(await ExportHarness.waitFor(seconds: 120, { ExportHarness.pdfs(in: out).count >= 2 }, then: { _ = kill(pid, SIGINT) }))
        let result = try await child.wait()
        #expect(result.status == 130, "\(result.stderr)")
        #expect(result.summary["interrupted"] as? Bool == true)
        let rebuilt = result.count("rebuilt")
        #expect(rebuilt < 150)
        #expect(rebuilt + result.count("notStarted") == 150)
        // What was written is whole and in the manifest, so the next run skips it.
        let pdfs = ExportHarness.pdfs(in: out)
        #expect(pdfs.count == rebuilt)
        #expect(pdfs.allSatisfy { ExportHarness.isWholePDF(out.appendingPathComponent($0)) })
        #expect(try ExportHarness.manifest(out.appendingPathComponent("manifest.json")).count == rebuilt)
        let rerun = try await ExportHarness.export([articles], out: out)
        #expect(rerun.status == 0)
        #expect(rerun.count("skipped") == rebuilt)
        #expect(rerun.count("rebuilt") == 150 - rebuilt)
    }

    /// The id of a process that has exited.
    private static func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}

import Foundation
import Testing

/// Killing or interrupting a run never leaves a partial PDF, and SIGINT stops cleanly after the articles in flight.
@Suite(.serialized) struct InterruptionTests {
    @Test func killNineLeavesOnlyWholePDFsAndTheNextRunCleansUp() throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = try ExportHarness.archive(150, in: folder)
        let out = folder.appendingPathComponent("out")

        let child = try ExportHarness.Child(["export", articles.path, "--out-dir", out.path, "--jobs", "2", "--json"])
        #expect(ExportHarness.waitFor(seconds: 120) { ExportHarness.pdfs(in: out).count >= 3 })
        child.send(SIGKILL)
        let result = child.wait()
        #expect(result.status == SIGKILL)
        let pdfs = ExportHarness.pdfs(in: out)
        #expect(pdfs.count < 150)
        for name in pdfs {
            #expect(ExportHarness.isWholePDF(out.appendingPathComponent(name)), "\(name) is not a whole PDF")
        }
        // Nothing else is visible: no manifest yet, and any temporary file is hidden.
        let visible = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix(".") }
        #expect(visible.sorted() == pdfs)

        // Plant a stale temporary file of a dead writer, and age whatever the kill left.
        let stale = out.appendingPathComponent(".planted_a1.pdf.\(try Self.deadProcessID()).abcd1234.tmp")
        _ = FileManager.default.createFile(atPath: stale.path, contents: Data("%PDF-1.7 half".utf8))
        for name in ExportHarness.temporaries(in: out) {
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)],
                                                  ofItemAtPath: out.appendingPathComponent(name).path)
        }
        let rerun = try ExportHarness.export([articles], out: out, ["--jobs", "2"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(ExportHarness.temporaries(in: out).isEmpty)
        #expect(ExportHarness.pdfs(in: out).count == 150)
    }

    @Test func sigintFinishesTheArticlesInFlightAndExits130() throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = try ExportHarness.archive(150, in: folder)
        let out = folder.appendingPathComponent("out")

        let child = try ExportHarness.Child(["export", articles.path, "--out-dir", out.path, "--jobs", "2", "--json"])
        #expect(ExportHarness.waitFor(seconds: 120) { ExportHarness.pdfs(in: out).count >= 2 })
        child.send(SIGINT)
        let result = child.wait()
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
        let rerun = try ExportHarness.export([articles], out: out)
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

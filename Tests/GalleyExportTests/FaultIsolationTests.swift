import Foundation
import Testing

/// One bad article among good ones is reported and the rest are written; clashing names fail both articles.
@Suite(.serialized) struct FaultIsolationTests {
    @Test func aBrokenArticleIsReportedAndTheOthersAreWritten() async throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = try ExportHarness.archive(4, in: folder)
        var broken = try String(contentsOf: articles.appendingPathComponent("a100001.json"), encoding: .utf8)
        broken = broken.replacingOccurrences(of: "\"type\":\"paragraph\"", with: "\"type\":\"pagraph\"")
        try broken.write(to: articles.appendingPathComponent("a100001.json"), atomically: true, encoding: .utf8)
        try "{ this is not JSON".write(to: articles.appendingPathComponent("garbage.json"), atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")

        let result = try await ExportHarness.run(["export", articles.path, "--out-dir", out.path])
        #expect(result.status == 1)
        #expect(ExportHarness.pdfs(in: out).count == 3)
        #expect(ExportHarness.pdfs(in: out).allSatisfy { !$0.contains("100001") })
        // Each failure names its file and the reason, and the summary counts and repeats them.
        #expect(result.stderr.contains("\(articles.path)/a100001.json:"))
        #expect(result.stderr.contains("unknown block type \"pagraph\""))
        #expect(result.stderr.contains("\(articles.path)/garbage.json"))
        #expect(result.stderr.contains("exported: 3 rebuilt, 0 skipped, 2 failed"), "\(result.stderr)")
        #expect(result.stderr.contains("failed:\n"))
        // The good articles are in the manifest, and so are the broken ones, as failed: a file that yields no article
        // is listed under an id from its name.
        let entries = try ExportHarness.manifest(out.appendingPathComponent("manifest.json"))
        #expect(entries.compactMap { $0["id"] as? String } == ["100000", "100001", "100002", "100003", "garbage"])
        #expect(entries.map { $0["status"] as? String } == ["rebuilt", "failed", "rebuilt", "rebuilt", "failed"])
        let failed = entries.filter { $0["status"] as? String == "failed" }
        #expect(failed.allSatisfy { $0["output"] == nil && $0["bytes"] == nil && $0["sha256"] == nil && $0["contentHash"] == nil })
        #expect((failed[0]["error"] as? String)?.hasPrefix("\(articles.path)/a100001.json:") == true)
        #expect(result.stderr.contains(failed[0]["error"] as? String ?? "-"), "the entry's error is the sentence the CLI printed")
        #expect(failed[0]["source"] as? String == articles.appendingPathComponent("a100001.json").path)
        #expect((failed[1]["error"] as? String)?.hasPrefix("\(articles.path)/garbage.json") == true)
    }

    @Test func aFailedArticleIsRetriedAndItsEarlierPDFIsKeptUntilItIsFixed() async throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = try ExportHarness.archive(2, in: folder)
        let file = articles.appendingPathComponent("a100001.json")
        let good = try String(contentsOf: file, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let manifest = out.appendingPathComponent("manifest.json")
        #expect(try await ExportHarness.export([articles], out: out).status == 0)
        let before = try ExportHarness.manifest(manifest)[1]

        // Broken after a good run: the entry says failed and why, and points at the earlier PDF, which stays.
        try good.replacingOccurrences(of: "\"type\":\"paragraph\"", with: "\"type\":\"pagraph\"")
            .write(to: file, atomically: true, encoding: .utf8)
        for _ in 0..<2 {
            let broken = try await ExportHarness.export([articles], out: out)
            #expect(broken.status == 1)
            #expect(broken.count("failed") == 1 && broken.count("skipped") == 1)
            let entry = try ExportHarness.manifest(manifest)[1]
            #expect(entry["id"] as? String == "100001" && entry["status"] as? String == "failed")
            #expect((entry["error"] as? String)?.contains("unknown block type \"pagraph\"") == true)
            let previous = entry["previous"] as? [String: Any]
            #expect(previous?["output"] as? String == before["output"] as? String)
            #expect(previous?["sha256"] as? String == before["sha256"] as? String)
            #expect(ExportHarness.pdfs(in: out).contains(before["output"] as? String ?? "-"))
        }

        // Fixed: never skipped as failed, rebuilt, and the entry is a good one again.
        try good.write(to: file, atomically: true, encoding: .utf8)
        let fixed = try await ExportHarness.export([articles], out: out)
        #expect(fixed.status == 0)
        #expect(fixed.count("rebuilt") == 1 && fixed.count("skipped") == 1)
        let entry = try ExportHarness.manifest(manifest)[1]
        #expect(entry["status"] as? String == "rebuilt" && entry["error"] == nil && entry["previous"] == nil)
        #expect(entry["sha256"] as? String == before["sha256"] as? String, "the same source gives the same PDF")
    }

    @Test func aMissingInputIsAFailureNotAStop() async throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = try ExportHarness.archive(1, in: folder)
        let out = folder.appendingPathComponent("out")
        let result = try await ExportHarness.export([articles, folder.appendingPathComponent("nowhere.json")], out: out)
        #expect(result.status == 1)
        #expect(result.count("rebuilt") == 1)
        #expect(result.count("failed") == 1)
        let failure = result.events.first { $0["status"] as? String == "failed" }
        #expect((failure?["message"] as? String)?.hasSuffix("nowhere.json: no such file or folder") == true)
    }

    @Test func twoArticlesWithTheSameOutputNameAreBothReported() async throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = try ExportHarness.archive(2, in: folder)
        let original = articles.appendingPathComponent("a100000.json")
        try FileManager.default.copyItem(at: original, to: articles.appendingPathComponent("copy.json"))
        let out = folder.appendingPathComponent("out")

        let result = try await ExportHarness.run(["export", articles.path, "--out-dir", out.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("exported: 1 rebuilt, 0 skipped, 2 failed"), "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").filter { $0.contains("is also the output of") }
        // Reported twice in the stream and twice in the summary: once for each article.
        #expect(lines.contains { $0.contains("a100000.json: id: ") && $0.contains("copy.json") })
        #expect(lines.contains { $0.contains("copy.json: id: ") && $0.contains("a100000.json") })
        #expect(ExportHarness.pdfs(in: out) == ExportHarness.pdfs(in: out).filter { $0.hasSuffix("_a100001.pdf") })
    }

    @Test func twoArticlesWithOneIdButDifferentTitlesAreBothReported() async throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = try ExportHarness.archive(2, in: folder)
        let text = try String(contentsOf: articles.appendingPathComponent("a100001.json"), encoding: .utf8)
        try text.replacingOccurrences(of: "\"id\":\"100001\"", with: "\"id\":\"100000\"")
            .write(to: articles.appendingPathComponent("a100001.json"), atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")

        let result = try await ExportHarness.export([articles], out: out)
        #expect(result.status == 1)
        #expect(result.count("failed") == 2)
        #expect(ExportHarness.pdfs(in: out).isEmpty)
    }

    @Test func standardInputIsOneArticle() async throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Data(contentsOf: ExportHarness.examples[0])
        let out = folder.appendingPathComponent("out")
        let result = try await ExportHarness.run(["export", "-", "--out-dir", out.path, "--json"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(ExportHarness.pdfs(in: out).count == 1)
        #expect(try ExportHarness.manifest(out.appendingPathComponent("manifest.json")).first?["source"] as? String == "<stdin>")
    }

    @Test func aFileNamedOnTheCommandLineIsReadWhateverItsExtension() async throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let renamed = folder.appendingPathComponent("article.txt")
        try FileManager.default.copyItem(at: ExportHarness.examples[0], to: renamed)
        let out = folder.appendingPathComponent("out")

        // A folder walk ignores it...
        let walked = try await ExportHarness.export([folder], out: out)
        #expect(walked.status == 0)
        #expect(walked.count("rebuilt") == 0)
        // ...but named, it is read (and with --from, set).
        let named = try await ExportHarness.export([renamed], out: out, ["--from", "json"])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(named.count("rebuilt") == 1)
        let guessed = try await ExportHarness.export([renamed], out: folder.appendingPathComponent("out2"))
        #expect(guessed.status == 1)
        #expect((guessed.events.first?["message"] as? String)?.contains("cannot tell the format of this file") == true)
    }
}

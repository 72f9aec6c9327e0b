import Foundation
import Testing

/// Unchanged articles are skipped without being laid out; changes to an article, its layout or `--force` rebuild.
@Suite(.serialized) struct IncrementalTests {
    @Test func aRerunSkipsEverythingAndForceRebuildsAll() async throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = try ExportHarness.archive(6, in: folder)
        let out = folder.appendingPathComponent("out")

        let first = try await ExportHarness.export([articles], out: out)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.count("rebuilt") == 6)
        let written = try Self.modificationDates(in: out)

        let second = try await ExportHarness.export([articles], out: out)
        #expect(second.status == 0)
        #expect(second.count("rebuilt") == 0)
        #expect(second.count("skipped") == 6)
        #expect(try Self.modificationDates(in: out) == written)
        let statuses = try ExportHarness.manifest(out.appendingPathComponent("manifest.json")).map { $0["status"] as? String }
        #expect(statuses == Array(repeating: "skipped", count: 6))

        let forced = try await ExportHarness.export([articles], out: out, ["--force"])
        #expect(forced.count("rebuilt") == 6)
        #expect(forced.count("skipped") == 0)
    }

    @Test func onlyWhatChangedIsRebuilt() async throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = try ExportHarness.archive(4, in: folder)
        let out = folder.appendingPathComponent("out")
        #expect(try await ExportHarness.export([articles], out: out).count("rebuilt") == 4)

        // One article edited.
        let edited = articles.appendingPathComponent("a100002.json")
        let text = try String(contentsOf: edited, encoding: .utf8)
        try text.replacingOccurrences(of: "\"language\"", with: "\"kicker\":\"Edited\",\"language\"")
            .write(to: edited, atomically: true, encoding: .utf8)
        let afterEdit = try await ExportHarness.export([articles], out: out)
        #expect(afterEdit.count("rebuilt") == 1)
        #expect(afterEdit.count("skipped") == 3)
        #expect(afterEdit.events.first { $0["status"] as? String == "rebuilt" }?["id"] as? String == "100002")

        // A deleted PDF is made again even though its hash has not changed.
        let victim = ExportHarness.pdfs(in: out)[0]
        try FileManager.default.removeItem(at: out.appendingPathComponent(victim))
        let afterDelete = try await ExportHarness.export([articles], out: out)
        #expect(afterDelete.count("rebuilt") == 1)
        #expect(ExportHarness.pdfs(in: out).contains(victim))

        // Another layout changes every content hash.
        let letter = try await ExportHarness.export([articles], out: out, ["--layout", "article-letter"])
        #expect(letter.count("rebuilt") == 4)
    }

    private static func modificationDates(in folder: URL) throws -> [String: Date] {
        var dates: [String: Date] = [:]
        for name in ExportHarness.pdfs(in: folder) {
            dates[name] = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.modificationDate] as? Date
        }
        return dates
    }
}

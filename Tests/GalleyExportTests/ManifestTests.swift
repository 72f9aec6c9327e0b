import Foundation
import GalleyTestSupport
import GalleyExport
import GalleyStyle
import Testing

/// The manifest lists what the CMS needs, matches the files, stays sorted, and merges across runs and shards.
@Suite(.serialized) struct ManifestTests {
    @Test func entriesDescribeTheFilesExactly() async throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = try ExportHarness.archive(4, in: folder, firstID: 98)
        let out = folder.appendingPathComponent("out")
        let result = try await ExportHarness.export([articles], out: out)
        #expect(result.status == 0, "\(result.stderr)")

        let manifestURL = out.appendingPathComponent("manifest.json")
        let entries = try ExportHarness.manifest(manifestURL)
        // Sorted by id numerically: 98, 99, 100, 101.
        #expect(entries.compactMap { $0["id"] as? String } == ["98", "99", "100", "101"])
        // The examples give a web address and a date, and no slug or post type: those keys are left out.
        let expectedKeys: Set = ["id", "source", "output", "bytes", "label", "pages", "sha256", "title", "language", "warnings",
                                 "contentHash", "status", "permalink", "date"]
        let sheet = try StyleSheetLoader(layoutsDirectory: ExportHarness.root.appendingPathComponent("Layouts")).load("article-a4")
        for entry in entries {
            #expect(Set(entry.keys) == expectedKeys)
            let output = try #require(entry["output"] as? String)
            let pdf = out.appendingPathComponent(output)
            let bytes = try #require(entry["bytes"] as? Int)
            #expect(output.hasSuffix("_a\(entry["id"] as! String).pdf"))
            #expect(bytes == (try FileManager.default.attributesOfItem(atPath: pdf.path)[.size] as? Int))
            #expect(entry["sha256"] as? String == (try await ExportHarness.sha256sum(pdf)))
            let label = try #require(entry["label"] as? String)
            // In the article's language: its units and decimal separator.
            let labels = sheet.labels(for: entry["language"] as? String ?? "en").labels
            #expect(label == ManifestEntry.label(bytes: bytes, labels: labels))
            #expect(label.range(of: #"^PDF - [0-9]+[.,٫][0-9] \S+$"#, options: .regularExpression) != nil, "\(label)")
            #expect((entry["pages"] as? Int ?? 0) >= 1)
            #expect((entry["contentHash"] as? String)?.count == 64)
            #expect(entry["status"] as? String == "rebuilt")
            #expect((entry["source"] as? String)?.hasPrefix(articles.path + "/") == true)
            #expect(!(entry["title"] as? String ?? "").isEmpty)
        }
        let languages = try ExportHarness.examples.prefix(4).map { url in
            (try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])?["language"] as? String ?? "en"
        }
        #expect(entries.compactMap { $0["language"] as? String } == Array(languages))
        let addresses = try ExportHarness.examples.prefix(4).map { url in
            (try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])?["url"] as? String
        }
        #expect(entries.map { $0["permalink"] as? String } == addresses)

        // One article per line, keys sorted: the file diffs cleanly between runs, and a run reads it a line at a time.
        let text = try String(contentsOf: manifestURL, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.prefix(2) == ["{", "  \"articles\" : ["])
        let entryLines = lines.filter { $0.hasPrefix("    {") }
        #expect(entryLines.count == entries.count)
        for line in entryLines {
            let body = String(line.hasSuffix(",") ? line.dropFirst(4).dropLast() : line.dropFirst(4))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            #expect(object.count == expectedKeys.count, "\(object.keys.sorted())")
            let keys = try NSRegularExpression(pattern: #"\{"([a-zA-Z]+)":|,"([a-zA-Z]+)":"#)
                .matches(in: body, range: NSRange(body.startIndex..., in: body)).compactMap { match -> String? in
                    let range = match.range(at: 1).location != NSNotFound ? match.range(at: 1) : match.range(at: 2)
                    return Range(range, in: body).map { String(body[$0]) }
                }.filter { object[$0] != nil }
            #expect(keys == keys.sorted(), "\(keys)")
        }
    }

    @Test func pageCountMatchesPdfinfo() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo") else { return }
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        #expect(try await ExportHarness.export(ExportHarness.examples, out: out).status == 0)
        for entry in try ExportHarness.manifest(out.appendingPathComponent("manifest.json")) {
            let info = try await ChildProcess.run(URL(fileURLWithPath: "/usr/bin/pdfinfo"),
                                                  [out.appendingPathComponent(entry["output"] as! String).path]).output
            let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last.flatMap { Int($0) }
            #expect(pages == entry["pages"] as? Int)
        }
    }

    @Test func aRunKeepsTheEntriesOfArticlesNotInIt() async throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try ExportHarness.archive(2, in: folder, name: "first", firstID: 10)
        let second = try ExportHarness.archive(2, in: folder, name: "second", firstID: 20)
        let out = folder.appendingPathComponent("out")
        #expect(try await ExportHarness.export([first], out: out).status == 0)
        #expect(try await ExportHarness.export([second], out: out).status == 0)
        let entries = try ExportHarness.manifest(out.appendingPathComponent("manifest.json"))
        #expect(entries.compactMap { $0["id"] as? String } == ["10", "11", "20", "21"])
    }

    @Test func anUnreadableManifestStopsTheRunBeforeAnythingIsWritten() async throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = try ExportHarness.archive(1, in: folder)
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "not json".write(to: out.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        let result = try await ExportHarness.export([articles], out: out)
        #expect(result.status == 2)
        #expect(result.stderr.contains("manifest.json: not a Galley manifest"))
        #expect(ExportHarness.pdfs(in: out).isEmpty)
    }

    @Test func mergingPrefersTheLaterManifestAndSortsById() async throws {
        func entry(_ id: String, _ hash: String) -> ManifestEntry {
            ManifestEntry(id: id, source: "a.json", output: "a_a\(id).pdf", bytes: 928_461, pages: 2, sha256: "", title: "A",
                          language: "en", warnings: [], contentHash: hash, status: .rebuilt)
        }
        let old = ExportManifest(articles: [entry("10", "old"), entry("9", "old")])
        let new = ExportManifest(articles: [entry("10", "new"), entry("x", "new"), entry("100", "new")])
        let merged = old.merging(new)
        #expect(merged.articles.map(\.id) == ["9", "10", "100", "x"])
        #expect(merged.articles.map(\.contentHash) == ["old", "new", "new", "new"])
        #expect(entry("1", "").label == "PDF - 906.7 KiB")
        let french = try #require(BuiltInLabels.all["fr"])
        #expect(ManifestEntry.label(bytes: 928_461, labels: french) == "PDF - 906,7 Kio")
        #expect(SizeLabel.make(bytes: 512) == "512 B" && SizeLabel.make(bytes: 3 << 30) == "3.0 GiB")
    }
}

import Foundation
@testable import GalleyExport
import Testing

/// The manifest store holds nothing per article: it searches the previous manifest on disk and merges its journal in
/// sorted runs. These check that both give exactly what holding everything in memory gave.
@Suite struct ManifestStoreTests {
    private func entry(_ id: String, hash: String, source: String = "a.json") -> ManifestEntry {
        ManifestEntry(id: id, source: source, output: "t_a\(id).pdf", bytes: 1000 + id.utf8.count, pages: 1, sha256: hash,
                      title: "T \(id)", language: "en", warnings: [], contentHash: String(repeating: String(hash.prefix(1)), count: 64),
                      status: .rebuilt)
    }

    @Test func journalledEntriesAreMergedInSortedRunsAndTheLatestWins() throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("manifest.json")
        // An earlier manifest, then a run that journals in no particular order, repeats ids and adds new ones; runs of
        // three lines force many sorted runs and merges across them.
        try ExportManifest(articles: ["10", "2", "b", "a"].map { entry($0, hash: "1") }).write(to: url)
        let ids = ["7", "100", "a", "3", "2", "zeta", "7", "11", "x", "1", "9", "alpha", "7"]
        do {
            let store = try ManifestStore(url: url, sortChunk: 3)
            for (number, id) in ids.enumerated() { try store.record(entry(id, hash: "\(number % 10)")) }
            try store.finish { $0 != "zeta" }
        }
        let articles = try ExportManifest.load(url).articles
        #expect(articles.map(\.id) == ["1", "2", "3", "7", "9", "10", "11", "100", "a", "alpha", "b", "x"])
        // The last of three journalled "7"s (the 13th line), the journal's "2" over the manifest's, the manifest's "10" kept.
        #expect(articles.first { $0.id == "7" }?.sha256 == "2")
        #expect(articles.first { $0.id == "2" }?.sha256 == "4")
        #expect(articles.first { $0.id == "10" }?.sha256 == "1")
        // Byte for byte what the whole-manifest writer makes of the same entries.
        #expect(try Data(contentsOf: url) == ExportManifest(articles: articles).encoded())
        // The journal and the sorted runs are gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["manifest.json"])
    }

    @Test func previousEntriesAreFoundByBinarySearchOfTheFile() throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("manifest.json")
        let ids = (0..<500).map { $0 % 5 == 0 ? "id-\($0)" : String($0 * 7) }
        try ExportManifest(articles: ids.map { entry($0, hash: "e") }).write(to: url)
        let store = try ManifestStore(url: url)
        for id in ids {
            let known = try #require(store.previous(id), "\(id) not found")
            #expect(known.output == "t_a\(id).pdf" && known.bytes == 1000 + id.utf8.count)
            #expect(try store.entry(known) == entry(id, hash: "e"))
        }
        for missing in ["", "1", "0000", "id-1", "zzz", "3501"] { #expect(store.previous(missing) == nil, "\(missing)") }
    }

    @Test func aKilledRunsJournalIsFoldedInFirstAndATornLineDropped() throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("manifest.json")
        try ExportManifest(articles: [entry("5", hash: "1")]).write(to: url)
        var journal = Data()
        for id in ["9", "5", "1"] { journal.append(try ExportManifest.line(for: entry(id, hash: "2"))); journal.append(0x0A) }
        journal.append(Data(try ExportManifest.line(for: entry("4", hash: "2")).prefix(40)))
        try journal.write(to: folder.appendingPathComponent(".manifest.json.journal"))

        let store = try ManifestStore(url: url)
        let five = try #require(store.previous("5"))
        #expect(try store.entry(five).sha256 == "2")
        #expect(store.previous("9")?.contentHash != nil)
        #expect(store.previous("4") == nil)
        #expect(try ExportManifest.load(url).articles.map(\.id) == ["1", "5", "9"])
    }
}

import Foundation
import GalleyExport
import Testing

/// Shards split an archive exactly: every article in one shard, none in two, whatever the count.
@Suite(.serialized) struct ShardTests {
    @Test(arguments: 1...5) func shardsPartitionTheIds(count: Int) async {
        let ids = (0..<2000).map { String(90_000 + $0) } + ["a-1", "é", ""]
        var seen = Set<String>()
        var sizes = Array(repeating: 0, count: count)
        for index in 0..<count {
            let shard = Shard(index: index, count: count)!
            for id in ids where shard.contains(id: id) {
                #expect(seen.insert(id).inserted, "\(id) is in two shards")
                sizes[index] += 1
            }
        }
        #expect(seen == Set(ids))
        // A hash spreads ids evenly: no shard is far from its share.
        let share = Double(ids.count) / Double(count)
        #expect(sizes.allSatisfy { abs(Double($0) - share) < share * 0.15 }, "\(sizes)")
    }

    @Test func theRuleIsStable() async {
        // Fixed forever: manifests from different machines and versions must agree.
        #expect(Shard.index(of: "9062", count: 4) == Shard.index(of: "9062", count: 4))
        #expect((0..<8).map { Shard.index(of: String($0), count: 3) } == Self.expectedSmallIds)
        #expect(Shard("1/3") == Shard(index: 1, count: 3))
        #expect(Shard("3/3") == nil)
        #expect(Shard("-1/3") == nil)
        #expect(Shard("0/0") == nil)
        #expect(Shard("1-3") == nil)
    }

    /// SHA-256 of "0"…"7", first 8 bytes read big-endian, mod 3, as computed independently with Python's hashlib.
    static let expectedSmallIds = [0, 1, 1, 1, 1, 2, 0, 2]

    @Test(arguments: [2, 3]) func shardedRunsCoverTheArchiveAndTheirManifestsMerge(count: Int) async throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = try ExportHarness.archive(6, in: folder)
        let out = folder.appendingPathComponent("out")
        var manifests: [String] = []
        var exported: [String] = []
        for index in 0..<count {
            let manifest = folder.appendingPathComponent("manifest-\(index).json").path
            let result = try await ExportHarness.export([articles], out: out, ["--shard", "\(index)/\(count)", "--manifest", manifest])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.count("rebuilt") + result.count("otherShards") == 6)
            exported += try ExportHarness.manifest(URL(fileURLWithPath: manifest)).compactMap { $0["id"] as? String }
            manifests.append(manifest)
        }
        #expect(exported.sorted() == (0..<6).map { String(100_000 + $0) })
        #expect(ExportHarness.pdfs(in: out).count == 6)

        let merged = folder.appendingPathComponent("manifest.json")
        let result = try await ExportHarness.run(["manifest", "merge"] + manifests + ["-o", merged.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try ExportHarness.manifest(merged).compactMap { $0["id"] as? String } == (0..<6).map { String(100_000 + $0) })
    }

    @Test func shardsSeededWithAMergedManifestSkipEverythingAndKeepOnlyTheirIds() async throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let articles = try ExportHarness.archive(6, in: folder)
        let out = folder.appendingPathComponent("out")
        #expect(try await ExportHarness.export([articles], out: out).count("rebuilt") == 6)

        var ids: [String] = []
        for index in 0..<2 {
            let shardManifest = out.appendingPathComponent("manifest.shard-\(index)-of-2.json")
            try FileManager.default.copyItem(at: out.appendingPathComponent("manifest.json"), to: shardManifest)
            let result = try await ExportHarness.export([articles], out: out, ["--shard", "\(index)/2"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.count("rebuilt") == 0)
            let kept = try ExportHarness.manifest(shardManifest).compactMap { $0["id"] as? String }
            #expect(kept.allSatisfy { Shard(index: index, count: 2)!.contains(id: $0) })
            #expect(kept.count == result.count("skipped"))
            ids += kept
        }
        #expect(ids.sorted() == (0..<6).map { String(100_000 + $0) })
    }
}

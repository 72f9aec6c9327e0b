import Foundation
import Testing

/// The manifest tells a CMS which post each PDF belongs to: permalink, slug, date and post type from the source.
@Suite struct WebManifestTests {
    @Test func aWordPressPostsEntryCarriesItsPermalinkSlugDateAndType() async throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("GalleyIngestTests/Fixtures/wp-post.json")
        let post = folder.appendingPathComponent("posts/4172.json")
        try FileManager.default.createDirectory(at: post.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Offline: the post's images are on example.org, which a test never asks.
        try FileManager.default.copyItem(at: fixture, to: post)
        let out = folder.appendingPathComponent("out")
        let result = try await ExportHarness.export([post.deletingLastPathComponent()], out: out, ["--offline"])
        #expect(result.status == 0, "\(result.stderr)")
        let entries = try ExportHarness.manifest(out.appendingPathComponent("manifest.json"))
        let entry = try #require(entries.first)
        #expect(entry["id"] as? String == "4172")
        #expect(entry["permalink"] as? String == "https://example.org/2025/03/08/womens-strike/")
        #expect(entry["slug"] as? String == "womens-strike")
        #expect(entry["postType"] as? String == "post")
        #expect((entry["date"] as? String)?.hasPrefix("2025-03-08") == true)
        #expect(entry["status"] as? String == "rebuilt")
    }
}

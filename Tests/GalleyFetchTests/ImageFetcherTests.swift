import Foundation
import GalleyFetch
import GalleyFetchHTTP
import GalleyFiles
import Testing

/// The fetcher against a real server on loopback: what is fetched, what is refused and why, and the cache.
@Suite(.serialized) struct ImageFetcherTests {
    /// A fetcher with its own cache folder, allowing the server's host as the article's site would.
    static func fetcher(cache: URL, offline: Bool = false, remaps: [URLRemap] = [], hosts: [String] = [], limits: Limits = Limits(),
                        checkedSince: Date? = nil) -> ImageFetcher {
        ImageFetcher(settings: ImageFetchSettings(allowedHosts: hosts, remaps: remaps, offline: offline, cacheDirectory: cache.path,
                                                  checkedSince: checkedSince),
                     limits: limits)
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("galley-fetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func reason(_ result: FetchedImage?) -> String {
        if case .failed(let reason)? = result { return reason }
        return "not a failure: \(String(describing: result))"
    }

    @Test func fetchesIntoTheCacheAndRevalidatesWith304() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = ImageServer()
        try await server.run { port in
            let url = "http://127.0.0.1:\(port)/img/photo.png"
            let first = await Self.fetcher(cache: folder).fetch([url], siteHosts: ["127.0.0.1"])[url]
            guard case .file(let path, let digest, let notes)? = first else { Issue.record("\(String(describing: first))"); return }
            let cached = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(cached == ImageServer.png)
            #expect(digest == ImageCache.sha256(ImageServer.png))
            #expect(notes.isEmpty)
            #expect(server.requests("/img/photo.png") == 1)

            // A second run asks again, conditionally, and the server's 304 keeps the cached file.
            let second = await Self.fetcher(cache: folder).fetch([url], siteHosts: ["127.0.0.1"])[url]
            #expect(second == first)
            #expect(server.requests("/img/photo.png") == 2)
            #expect(server.conditionalRequests("/img/photo.png") == 1)

            // Within one run (checked since it started) nothing is asked again.
            let third = await Self.fetcher(cache: folder, checkedSince: Date().addingTimeInterval(-60)).fetch([url], siteHosts: ["127.0.0.1"])[url]
            #expect(third == first)
            #expect(server.requests("/img/photo.png") == 2)

            // A changed image is fetched anew under a new digest.
            server.change(to: ImageServer.jpeg)
            let fourth = await Self.fetcher(cache: folder).fetch([url], siteHosts: ["127.0.0.1"])[url]
            guard case .file(_, let changed, let changeNotes)? = fourth else { Issue.record("\(String(describing: fourth))"); return }
            #expect(changed == ImageCache.sha256(ImageServer.jpeg))
            #expect(changeNotes.first?.contains("image/png") == true, "the server calls the JPEG image/png: \(changeNotes)")
            #expect(server.requests("/img/photo.png") == 3)
        }
    }

    @Test func failuresSayWhy() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = ImageServer()
        try await server.run { port in
            let base = "http://127.0.0.1:\(port)/img/"
            var limits = Limits()
            limits.imageDownloadBytes = 100_000
            let names = ["missing.png", "page.png", "huge.png", "away.png", "hop.png", "mislabelled.png"]
            let results = await Self.fetcher(cache: folder, limits: limits).fetch(names.map { base + $0 }, siteHosts: ["127.0.0.1"])
            #expect(Self.reason(results[base + "missing.png"]) == "the server answered 404 Not Found")
            #expect(Self.reason(results[base + "page.png"]).contains("an HTML page (Content-Type image/png), not an image"))
            #expect(Self.reason(results[base + "huge.png"]).contains("larger than"))
            #expect(Self.reason(results[base + "huge.png"]).contains("image-download-bytes"))
            #expect(Self.reason(results[base + "away.png"]).contains("whose host localhost is not allowed"))
            guard case .file(_, let digest, _)? = results[base + "hop.png"] else { Issue.record("a redirect on the same host is followed"); return }
            #expect(digest == ImageCache.sha256(ImageServer.png))
            guard case .file(_, _, let notes)? = results[base + "mislabelled.png"] else { Issue.record("a mislabelled JPEG is still an image"); return }
            #expect(notes == ["the server called it image/png but sent a JPEG image; it is read as what it is"])

            // Another host name for the same server is not the article's site.
            let other = "http://localhost:\(port)/img/photo.png"
            let refused = await Self.fetcher(cache: folder).fetch([other], siteHosts: ["127.0.0.1"])[other]
            #expect(Self.reason(refused) == "the host localhost is not allowed (allowed: 127.0.0.1; allow it with --allow-host localhost)")
            #expect(server.requests("/img/photo.png") == 1, "only the same-host redirect reached photo.png")
            let allowed = await Self.fetcher(cache: folder, hosts: ["*"]).fetch([other], siteHosts: [])[other]
            guard case .file? = allowed else { Issue.record("--allow-host '*' allows any host: \(String(describing: allowed))"); return }

            let ftp = "ftp://127.0.0.1/img/photo.png"
            #expect(Self.reason(await Self.fetcher(cache: folder).fetch([ftp], siteHosts: ["127.0.0.1"])[ftp]) == "only http and https addresses are fetched")
        }
    }

    /// A server that answers after 6 s, and one whose body trickles for 6 s: both cut off at the 1 s limit.
    @Test(arguments: ["slow", "trickle"]) func aServerTooSlowTimesOutWithinTheLimit(_ name: String) async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = ImageServer()
        try await server.run { port in
            let url = "http://127.0.0.1:\(port)/img/\(name).png"
            var limits = Limits()
            limits.imageDownloadSeconds = 1
            let clock = ContinuousClock()
            let start = clock.now
            let result = await Self.fetcher(cache: folder, limits: limits).fetch([url], siteHosts: ["127.0.0.1"])[url]
            let elapsed = clock.now - start
            #expect(Self.reason(result) == "no complete answer within 1 second (the image-download-seconds limit)")
            #expect(elapsed < .seconds(4), "took \(elapsed), for the \(name) server's 6 s")
        }
    }

    @Test func nothingWaitsPastTheCallersBudget() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = ImageServer()
        try await server.run { port in
            let slow = "http://127.0.0.1:\(port)/img/slow.png", photo = "http://127.0.0.1:\(port)/img/photo.png"
            _ = await Self.fetcher(cache: folder).fetch([photo], siteHosts: ["127.0.0.1"])
            let clock = ContinuousClock()
            let start = clock.now
            let results = await Self.fetcher(cache: folder).fetch([slow], siteHosts: ["127.0.0.1"], budget: Date().addingTimeInterval(1))
            #expect(clock.now - start < .seconds(4))
            #expect(Self.reason(results[slow]) == "the time for fetching images ran out before its turn")
            // Once the budget is spent, a cached image is used as it is, unchecked, and the server is not asked.
            let late = await Self.fetcher(cache: folder).fetch([photo], siteHosts: ["127.0.0.1"], budget: Date().addingTimeInterval(-1))
            guard case .file(_, let digest, let notes)? = late[photo] else { Issue.record("\(String(describing: late[photo]))"); return }
            #expect(digest == ImageCache.sha256(ImageServer.png))
            #expect(notes == ["it was not checked with its server (the time for fetching images ran out before its turn)"])
            #expect(server.requests("/img/photo.png") == 1)
        }
    }

    @Test func anArticlesImagesAreFetchedAtTheSameTime() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = ImageServer()
        try await server.run { port in
            // Eight images that each take the server a second: the server sees several at once, never more than the
            // fetcher's four (counted by the server, not timed, so that a loaded machine cannot fail it).
            let urls = (1...8).map { "http://127.0.0.1:\(port)/img/delayed-\($0).png" }
            let results = await Self.fetcher(cache: folder).fetch(urls, siteHosts: ["127.0.0.1"])
            #expect(results.count == 8)
            #expect(results.values.allSatisfy { if case .file = $0 { true } else { false } }, "\(results)")
            #expect((2...4).contains(server.mostDelayedAtOnce), "\(server.mostDelayedAtOnce) at once")
        }
    }

    @Test func hugeLimitsAreClampedNotTrapped() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = ImageServer()
        try await server.run { port in
            let url = "http://127.0.0.1:\(port)/img/photo.png"
            var limits = Limits()
            limits.imageDownloadBytes = Int.max
            limits.imageDownloadSeconds = Int.max
            let result = await Self.fetcher(cache: folder, limits: limits).fetch([url], siteHosts: ["127.0.0.1"])[url]
            guard case .file? = result else { Issue.record("\(String(describing: result))"); return }
        }
    }

    @Test func offlineUsesOnlyTheCache() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = ImageServer()
        try await server.run { port in
            let url = "http://127.0.0.1:\(port)/img/photo.png"
            let cold = await Self.fetcher(cache: folder, offline: true).fetch([url], siteHosts: ["127.0.0.1"])[url]
            #expect(Self.reason(cold).contains("--offline fetches nothing"))
            #expect(server.requests("/img/photo.png") == 0)
            _ = await Self.fetcher(cache: folder).fetch([url], siteHosts: ["127.0.0.1"])
            let warm = await Self.fetcher(cache: folder, offline: true).fetch([url], siteHosts: ["127.0.0.1"])[url]
            guard case .file(_, let digest, _)? = warm else { Issue.record("\(String(describing: warm))"); return }
            #expect(digest == ImageCache.sha256(ImageServer.png))
            #expect(server.requests("/img/photo.png") == 1)
        }
    }

    @Test func remapReadsTheMirrorAndNeverLeavesIt() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mirror = folder.appendingPathComponent("uploads")
        try FileManager.default.createDirectory(at: mirror.appendingPathComponent("2025/06"), withIntermediateDirectories: true)
        try ImageServer.png.write(to: mirror.appendingPathComponent("2025/06/badge one.png"))
        try Data("secret".utf8).write(to: folder.appendingPathComponent("secret.png"))
        try FileManager.default.createSymbolicLink(at: mirror.appendingPathComponent("link.png"), withDestinationURL: folder.appendingPathComponent("secret.png"))
        try FileManager.default.createDirectory(at: mirror.appendingPathComponent("folder.png"), withIntermediateDirectories: true)
        let remap = try URLRemap(parsing: "https://example.org/wp-content/uploads/=\(mirror.path)")
        // No server at all: example.org is never asked, even though it is not an allowed host.
        let fetcher = Self.fetcher(cache: folder.appendingPathComponent("cache"), remaps: [remap])
        let base = "https://example.org/wp-content/uploads/"
        let urls = ["2025/06/badge%20one.png?resize=300", "../secret.png", "%2e%2e/secret.png", "link.png", "folder.png", "none.png"].map { base + $0 }
        let results = await fetcher.fetch(urls, siteHosts: [])
        guard case .file(let path, let digest, _)? = results[urls[0]] else { Issue.record("\(String(describing: results[urls[0]]))"); return }
        #expect(path.hasSuffix("2025/06/badge one.png"))
        #expect(digest == ImageCache.sha256(ImageServer.png))
        #expect(Self.reason(results[urls[1]]).contains("leaves the folder"))
        #expect(Self.reason(results[urls[2]]).contains("leaves the folder"))
        #expect(Self.reason(results[urls[3]]).contains("leads out of the folder"))
        #expect(Self.reason(results[urls[4]]).contains("is a folder"))
        #expect(Self.reason(results[urls[5]]).contains("there is no file"))
        #expect(throws: RemapError.self) { try URLRemap(parsing: "uploads") }
    }

    @Test func sniffsWhatBytesAre() {
        #expect(ImageKind(sniffing: ImageServer.png) == .png)
        #expect(ImageKind(sniffing: ImageServer.jpeg) == .jpeg)
        #expect(ImageKind(sniffing: Data("GIF89a....".utf8)) == .gif)
        #expect(ImageKind(sniffing: Data("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8)) == .svg)
        #expect(ImageKind(sniffing: Data("  <!doctype HTML><html>".utf8)) == .html)
        #expect(ImageKind(sniffing: Data("{\"error\": 1}".utf8)) == .unknown)
        #expect(HostAllowList(["*.Example.org"]).allows("cdn.example.org"))
        #expect(HostAllowList(["*.example.org"]).allows("example.org."))
        #expect(!HostAllowList(["*.example.org"]).allows("badexample.org"))
        #expect(!HostAllowList([]).allows("example.org"))
    }
}

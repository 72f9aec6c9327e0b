import Foundation
@testable import GalleyFetch
import GalleyFetchHTTP
import GalleyFiles
import GalleyTestSupport
import Testing

/// `galley` asks `galley-net fetch-images` for remote images: the child's answers are the in-process fetcher's, and
/// every way the child can fail is an answer for each address that says what went wrong.
@Suite(.serialized) struct HelperDownloaderTests {
    /// The `galley-net` built beside the `galley` the tests run.
    static let network = GalleyExecutable.url.deletingLastPathComponent().appendingPathComponent(CompanionProgram.network).path

    static func downloader(_ command: [String], cache: URL, margin: TimeInterval = 10) -> HelperDownloader {
        var downloader = HelperDownloader(command: command, settings: ImageFetchSettings(cacheDirectory: cache.path), limits: Limits())
        downloader.margin = margin
        return downloader
    }

    @Test func theChildsAnswersAreTheInProcessFetchersAnswers() async throws {
        let helperCache = try ImageFetcherTests.temporaryFolder()
        let ownCache = try ImageFetcherTests.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: helperCache)
            try? FileManager.default.removeItem(at: ownCache)
        }
        let server = ImageServer()
        try await server.run { port in
            let urls = ["http://127.0.0.1:\(port)/img/photo.png", "http://127.0.0.1:\(port)/missing.png", "http://elsewhere.invalid/x.png",
                        "http://127.0.0.1:\(port)/img/photo.png"]
            let helper = Self.downloader([Self.network, "fetch-images"], cache: helperCache)
            let viaChild = helper.fetchBlocking(urls, siteHosts: ["127.0.0.1"], budget: nil)
            let inProcess = ImageFetcherTests.fetcher(cache: ownCache).fetchBlocking(urls, siteHosts: ["127.0.0.1"])
            #expect(Set(viaChild.keys) == Set(urls))
            for url in Set(urls) {
                switch (viaChild[url], inProcess[url]) {
                case (.file(let path, let digest, let notes)?, .file(_, let ownDigest, let ownNotes)?):
                    #expect(path.hasPrefix(helperCache.path), "the child keeps the image in the cache it was given: \(path)")
                    #expect(digest == ownDigest)
                    #expect(notes == ownNotes)
                    #expect((try? Data(contentsOf: URL(fileURLWithPath: path))) == ImageServer.png)
                default:
                    #expect(viaChild[url] == inProcess[url], "\(url)")
                }
            }
            // Offline, the child answers from the cache it filled, without asking the server.
            let asked = server.requests("/img/photo.png")
            var offline = helper.settings
            offline.offline = true
            let fromCache = HelperDownloader(command: helper.command, settings: offline, limits: Limits())
                .fetchBlocking([urls[0]], siteHosts: ["127.0.0.1"], budget: nil)
            #expect(fromCache[urls[0]] == viaChild[urls[0]])
            #expect(server.requests("/img/photo.png") == asked)
            // The asynchronous form answers the same.
            let again = await HelperDownloader(command: helper.command, settings: offline, limits: Limits())
                .fetch([urls[0]], siteHosts: ["127.0.0.1"], budget: nil)
            #expect(again == fromCache)
        }
    }

    @Test func everyWayTheChildFailsIsAnAnswerForEveryAddress() throws {
        let cache = try ImageFetcherTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let urls = ["https://example.org/a.png", "https://example.org/b.png"]
        let cases: [([String], String)] = [
            (["/nonexistent/galley-net", "fetch-images"], "the image fetcher /nonexistent/galley-net is missing or not executable"),
            (["/bin/false"], "the image fetcher /bin/false failed (exit status 1)"),
            (["/bin/echo", "not json"], "the image fetcher /bin/echo answered something that is not a list of images (9 bytes)"),
            (["/bin/echo", "{}"], "the image fetcher (/bin/echo) gave no answer for it"),
        ]
        for (command, reason) in cases {
            let answer = Self.downloader(command, cache: cache).fetchBlocking(urls, siteHosts: ["example.org"], budget: nil)
            #expect(answer.count == 2, "\(command)")
            for url in urls {
                #expect(ImageFetcherTests.reason(answer[url]) == reason, "\(command)")
            }
        }
        #expect(Self.downloader(["/bin/false"], cache: cache).fetchBlocking([], siteHosts: [], budget: nil).isEmpty)
    }

    @Test func whatNeedsNoNetworkIsAnsweredWithoutStartingTheChild() throws {
        let cache = try ImageFetcherTests.temporaryFolder()
        let mirror = try ImageFetcherTests.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: cache)
            try? FileManager.default.removeItem(at: mirror)
        }
        try ImageServer.png.write(to: mirror.appendingPathComponent("badge.png"))
        let cached = "https://example.org/cached.png"
        _ = try ImageCache(directory: cache).store(ImageServer.png, kind: .png, for: cached, etag: nil, lastModified: nil)
        // A child that would fail every address: none of these answers may come from it.
        var settings = ImageFetchSettings(remaps: [try URLRemap(parsing: "https://example.org/uploads/=\(mirror.path)")], cacheDirectory: cache.path,
                                          checkedSince: Date().addingTimeInterval(-60))
        let local = HelperDownloader(command: ["/bin/false"], settings: settings, limits: Limits())
        let urls = ["https://example.org/uploads/badge.png", cached, "ftp://example.org/a.png", "https://elsewhere.invalid/b.png"]
        let answer = local.fetchBlocking(urls, siteHosts: ["example.org"], budget: nil)
        #expect(answer[urls[0]] == .file(path: mirror.appendingPathComponent("badge.png").path, digest: ImageCache.sha256(ImageServer.png), notes: []))
        guard case .file(_, let digest, let notes)? = answer[cached] else { Issue.record("\(String(describing: answer[cached]))"); return }
        #expect(digest == ImageCache.sha256(ImageServer.png) && notes.isEmpty)
        #expect(ImageFetcherTests.reason(answer[urls[2]]) == "only http and https addresses are fetched")
        #expect(ImageFetcherTests.reason(answer[urls[3]]).hasPrefix("the host elsewhere.invalid is not allowed"))
        // Offline, a missing image is refused here too; online, it is the child's to fetch (and this one fails).
        settings.offline = true
        let missing = "https://example.org/missing.png"
        let offline = HelperDownloader(command: ["/bin/false"], settings: settings, limits: Limits()).fetchBlocking([missing], siteHosts: ["example.org"], budget: nil)
        #expect(ImageFetcherTests.reason(offline[missing]).hasSuffix("and --offline fetches nothing"))
        #expect(ImageFetcherTests.reason(local.fetchBlocking([missing], siteHosts: ["example.org"], budget: nil)[missing]) == "the image fetcher /bin/false failed (exit status 1)")
    }

    @Test func aChildThatOutlivesItsDeadlineIsStopped() throws {
        let cache = try ImageFetcherTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let started = Date()
        let answer = Self.downloader(["/bin/sleep", "30"], cache: cache, margin: 0.5)
            .fetchBlocking(["https://example.org/a.png"], siteHosts: ["example.org"], budget: Date().addingTimeInterval(0.2))
        #expect(ImageFetcherTests.reason(answer["https://example.org/a.png"]).hasPrefix("the image fetcher /bin/sleep did not answer within"))
        #expect(Date().timeIntervalSince(started) < 20, "stopped, not waited for")
    }

    @Test func theDeadlineFollowsTheBudgetElseTheDownloadLimits() {
        var limits = Limits()
        limits.imageDownloadSeconds = 7
        let downloader = HelperDownloader(command: ["x"], settings: ImageFetchSettings(concurrency: 4), limits: limits)
        let now = Date(timeIntervalSince1970: 1_000_000)
        let nine = FetchRequest(settings: downloader.settings, limits: limits, urls: (0..<9).map { "u\($0)" }, siteHosts: [], budget: nil)
        // Nine addresses four at a time are three rounds of at most 7 s, and the margin.
        #expect(downloader.deadline(for: nine, now: now) == now.addingTimeInterval(3 * 7 + 10))
        var budgeted = nine
        budgeted.budget = now.addingTimeInterval(4)
        #expect(downloader.deadline(for: budgeted, now: now) == now.addingTimeInterval(14))
        budgeted.budget = now.addingTimeInterval(-4)
        #expect(downloader.deadline(for: budgeted, now: now) == now.addingTimeInterval(10), "a spent budget still lets the child answer")
    }

    @Test func aRequestAndAnAnswerCrossThePipeUnchanged() throws {
        let request = FetchRequest(settings: ImageFetchSettings(allowedHosts: ["*.example.org"], offline: true, cacheDirectory: "/tmp/c",
                                                                checkedSince: Date(timeIntervalSinceReferenceDate: 812_345_678.123_456)),
                                   limits: Limits(), urls: ["https://example.org/é.png"], siteHosts: ["example.org"],
                                   budget: Date(timeIntervalSinceReferenceDate: 812_345_999.987_654_321))
        #expect(try JSONDecoder().decode(FetchRequest.self, from: JSONEncoder().encode(request)) == request)
        let answer: [String: FetchedImage] = ["a": .file(path: "/c/1.png", digest: "ab", notes: ["n"]), "b": .failed("why")]
        #expect(try JSONDecoder().decode([String: FetchedImage].self, from: JSONEncoder().encode(answer)) == answer)
    }

    @Test func aBadRequestIsRefusedByTheChildWithItsReason() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.network)
        process.arguments = ["fetch-images"]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data("{\"urls\": 3}".utf8))
        try input.fileHandleForWriting.close()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(message.contains("the image request is not a FetchRequest"), "\(message)")
    }

    @Test func companionsAreLookedForBesideAndWhereTheInstallPutsThem() {
        let folder = URL(fileURLWithPath: "/opt/galley/bin")
        #expect(CompanionProgram.candidates(for: "galley-net", from: folder).map(\.standardizedFileURL.path)
            == ["/opt/galley/bin/galley-net", "/opt/galley/libexec/galley/galley-net", "/opt/bin/galley-net"])
        let fromLibexec = URL(fileURLWithPath: "/opt/galley/libexec/galley")
        #expect(CompanionProgram.candidates(for: "galley", from: fromLibexec).map(\.standardizedFileURL.path).last == "/opt/galley/bin/galley")
        let missing = CompanionMissing(name: "galley-net", looked: ["/a/galley-net", "/b/galley-net"])
        #expect(missing.description.hasPrefix("galley-net is not installed beside galley (looked for /a/galley-net, /b/galley-net)"))
    }
}

import Foundation
import GalleyExport
@testable import GalleyFetch
import GalleyFetchHTTP
import GalleyFiles
import Testing

/// How a program says remote images are fetched: refused with a reason when it said nothing, the HTTP fetcher once
/// it installed it, and the article pipeline's remote images through whichever it is.
@Suite struct ImageDownloadersTests {
    @Test func withNothingInstalledEveryAddressIsRefusedWithTheReason() async {
        let urls = ["https://example.org/a.png", "https://example.org/b.jpg", "https://example.org/a.png"]
        let refused = ImageDownloaders.Refusing().fetchBlocking(urls, siteHosts: [], budget: nil)
        #expect(refused.count == 2)
        for url in urls {
            #expect(refused[url] == .failed(ImageDownloaders.Refusing.unavailable))
        }
        let asynchronous = await ImageDownloaders.Refusing().fetch(urls, siteHosts: [], budget: nil)
        #expect(asynchronous == refused)
    }

    @Test func theInstalledHTTPFetcherIsWhatThePipelineFetchesWith() throws {
        HTTPImageDownloads.install()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("galley-downloaders-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let settings = ImageFetchSettings(allowedHosts: [], remaps: [], offline: true, cacheDirectory: folder.path)
        let made = try #require(ImageDownloaders.make(settings: settings, limits: Limits()) as? ImageFetcher)
        #expect(made.settings.offline)
        let remote = RemoteImages(settings: settings, limits: Limits())
        #expect(remote.fetcher is ImageFetcher)
    }
}

import Foundation
import GalleyFetch
import GalleyFiles
import GalleyModel

/// The fetch phase of the article pipeline: an article's remote figure images, fetched (or found in the cache or a
/// mirror) before layout, all at once, so that layout and drawing read only local files as before.
///
/// It runs before layout rather than inside the figure resolver because layout is synchronous and per thread, while
/// fetching waits on the network: one phase per article lets every image download at the same time (up to the
/// settings' concurrency), and the content hash of an export can include the fetched bytes without laying anything out.
public struct RemoteImages: Sendable {
    /// The fetcher, holding the settings, the limits and the cache: the program's installed one (`ImageDownloaders`).
    public let fetcher: any ImageDownloading

    /// Remote images fetched as `settings` say, within `limits`.
    public init(settings: ImageFetchSettings, limits: Limits) {
        fetcher = ImageDownloaders.make(settings: settings, limits: limits)
    }

    /// Every remote figure image of `article`, by figure source, blocking the calling thread (one of Galley's own
    /// threads: the CLI's, a worker's); the article's own site is an allowed host.
    public func fetch(for article: Article) -> [String: FetchedImage] {
        let sources = Self.remoteSources(in: article)
        guard !sources.isEmpty else { return [:] }
        return fetcher.fetchBlocking(sources, siteHosts: Self.siteHosts(of: article), budget: nil)
    }

    /// The remote figure images of each of `articles` (the posts of one export file), in their order, fetched together
    /// so that the file's images download at the same time, and nothing waiting past `budget`.
    public func fetch(forAll articles: [Article], budget: Date?) -> [[String: FetchedImage]] {
        // Each article allows its own site; the posts of one file almost always share it, so this is one batch.
        var batches: [[String]: [String]] = [:]
        for article in articles {
            let sources = Self.remoteSources(in: article)
            if !sources.isEmpty { batches[Self.siteHosts(of: article), default: []] += sources }
        }
        var fetched: [[String]: [String: FetchedImage]] = [:]
        for (hosts, sources) in batches {
            fetched[hosts] = fetcher.fetchBlocking(sources, siteHosts: hosts, budget: budget)
        }
        return articles.map { fetched[Self.siteHosts(of: $0)] ?? [:] }
    }

    /// Every remote figure image of `article`, for async callers (a server), without blocking their thread.
    public func fetchAsync(for article: Article) async -> [String: FetchedImage] {
        let sources = Self.remoteSources(in: article)
        guard !sources.isEmpty else { return [:] }
        return await fetcher.fetch(sources, siteHosts: Self.siteHosts(of: article), budget: nil)
    }

    /// The figure sources of `article` that are addresses rather than files.
    public static func remoteSources(in article: Article) -> [String] {
        ContentHasher.figureSources(in: article).filter(isRemote)
    }

    /// Whether a figure source is an address (`https://…`, `//host/…`) rather than a path.
    public static func isRemote(_ source: String) -> Bool {
        source.contains("://") || source.hasPrefix("//")
    }

    /// The article's own site: the host of its address (WordPress's permalink), allowed by default.
    static func siteHosts(of article: Article) -> [String] {
        guard let address = article.sourceURL, let host = URL(string: address)?.host, !host.isEmpty else { return [] }
        return [host]
    }
}

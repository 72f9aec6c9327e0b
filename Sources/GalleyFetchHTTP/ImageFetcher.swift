import AsyncHTTPClient
import Crypto
import Foundation
import GalleyFetch
import GalleyFiles
import NIOCore
import NIOHTTP1

/// Fetches remote figure images into the disk cache, within the allowed hosts and the download limits.
///
/// Every failure is an answer (`FetchedImage.failed` with a reason), never a thrown error, a crash or a wait past
/// `image-download-seconds`. The work is done with AsyncHTTPClient's event-loop futures on threads of Galley's own
/// (at most `concurrency` per call): a caller blocked in `fetchBlocking` then needs nothing from Swift's cooperative
/// thread pool, so the synchronous article pipeline can call it from any thread without starving the pool, and
/// async callers (a server) use `fetch`, which waits without blocking.
public final class ImageFetcher: Sendable {
    /// Which hosts, mirrors, cache and network use.
    public let settings: ImageFetchSettings
    /// The download limits (`image-download-bytes`, `image-download-seconds`) and `image-file-bytes` for mirrors.
    public let limits: Limits
    /// Where downloaded images are kept.
    public let cache: ImageCache
    /// Mirrors, refusals and cached copies: everything answered before a download.
    let lookup: LocalImageLookup

    /// The most redirects followed for one image.
    public static let maxRedirects = 5
    /// The longest wait for a server to accept a connection (the whole download is bounded by image-download-seconds).
    public static let connectSeconds = 10
    /// The most bytes one response can hold (a `ByteBuffer` counts in 32 bits): a larger `image-download-bytes` means this.
    public static let largestDownload = Int(UInt32.max)
    /// The longest deadline set (a day): a larger `image-download-seconds` means this, since nanoseconds past it overflow.
    public static let longestDownloadSeconds = 86_400

    /// One client for the process: redirects are never followed by the client, since each hop must be checked
    /// against the allowed hosts; bodies are never decompressed (an image is already compressed).
    private static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        // No idle read timeout: the per-image deadline (image-download-seconds) bounds every wait, however long it is set.
        configuration.timeout = .init(connect: .seconds(Int64(connectSeconds)))
        configuration.decompression = .disabled
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    /// A fetcher for `settings` within `limits`.
    public init(settings: ImageFetchSettings, limits: Limits = Limits()) {
        self.settings = settings
        self.limits = limits
        lookup = LocalImageLookup(settings: settings, limits: limits)
        cache = lookup.cache
    }

    /// Every address of `urls` fetched (or found in the cache or a mirror), blocking the calling thread; `siteHosts`
    /// (the article's own site) are allowed besides the settings' hosts. With a `budget`, nothing waits past it: an
    /// image not fetched by then is its cached copy (unchecked), or fails.
    public func fetchBlocking(_ urls: [String], siteHosts: [String], budget: Date? = nil) -> [String: FetchedImage] {
        let allowed = HostAllowList(settings.allowedHosts + siteHosts)
        var firsts: [String] = []
        for url in urls where !firsts.contains(url) { firsts.append(url) }
        let unique = firsts
        let results = Locked([String: FetchedImage]())
        // Threads of its own, `concurrency` at most: each blocks on its download, which on Dispatch's global queue
        // would hold threads every other user of that queue in the process waits for.
        WorkerPool.run(threads: max(1, settings.concurrency), count: unique.count, shouldStop: { false }, makeState: { _ in () },
                       body: { _, index in
                           let url = unique[index]
                           let result = self.fetchOne(url, allowed: allowed, budget: budget)
                           results.withLock { $0[url] = result }
                       })
        return results.withLock { $0 }
    }

    /// Every address of `urls` fetched as `fetchBlocking` does, waiting without blocking a thread of the caller's.
    public func fetch(_ urls: [String], siteHosts: [String], budget: Date? = nil) async -> [String: FetchedImage] {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: self.fetchBlocking(urls, siteHosts: siteHosts, budget: budget)) }.start()
        }
    }

    /// One address: a mirror, the cache, or the network, in that order.
    func fetchOne(_ original: String, allowed: HostAllowList, budget: Date? = nil) -> FetchedImage {
        let address: String
        let cached: LocalImageLookup.CachedImage?
        switch lookup.look(original, allowed: allowed, budget: budget) {
        case .answered(let answer): return answer
        case .download(let wanted, let copy): (address, cached) = (wanted, copy)
        }
        switch download(address, allowed: allowed, cached: cached?.entry, budget: budget) {
        case .success(.notModified):
            guard let cached else { return .failed("the server answered 304 Not Modified to a request for a new copy") }
            _ = try? cache.confirm(cached.entry)
            return .file(path: cached.path, digest: cached.entry.digest, notes: [])
        case .success(.body(let data, let kind, let etag, let lastModified, let notes)):
            do {
                let stored = try cache.store(data, kind: kind, for: address, etag: etag, lastModified: lastModified)
                return .file(path: stored.path, digest: stored.entry.digest, notes: notes)
            } catch {
                return .failed("it was downloaded but could not be kept in the image cache: \(error)")
            }
        case .failure(let failure):
            if failure.transient, let cached {
                return .file(path: cached.path, digest: cached.entry.digest,
                             notes: ["it could not be checked with its server (\(failure.reason)); the cached copy is drawn"])
            }
            return .failed(failure.reason)
        }
    }

    /// What a successful exchange gave.
    enum Downloaded {
        /// New bytes, their kind, validators, and notes (a declared type that was wrong).
        case body(Data, ImageKind, etag: String?, lastModified: String?, notes: [String])
        /// The cached copy is still right.
        case notModified
    }

    /// Asks for `address`, following redirects within the allowed hosts, all within one `image-download-seconds`.
    private func download(_ address: String, allowed: HostAllowList, cached: ImageCacheEntry?,
                          budget: Date?) -> Result<Downloaded, DownloadFailure> {
        let seconds = min(limits.imageDownloadSeconds, Self.longestDownloadSeconds)
        var deadline = NIODeadline.now() + .seconds(Int64(seconds))
        var timeout = DownloadFailure(reason: "no complete answer within \(seconds) second\(seconds == 1 ? "" : "s") "
                                      + "(the image-download-seconds limit)", transient: true)
        if let budget, budget.timeIntervalSinceNow < Double(seconds) {
            deadline = NIODeadline.now() + .milliseconds(Int64(max(0, budget.timeIntervalSinceNow) * 1000))
            timeout = DownloadFailure(reason: LocalImageLookup.budgetSpent, transient: true)
        }
        var current = address
        for _ in 0...Self.maxRedirects {
            let response: HTTPClient.Response
            do {
                var request = try HTTPClient.Request(url: current, method: .GET)
                request.headers.add(name: "User-Agent", value: "Galley (PDF export of web articles)")
                request.headers.add(name: "Accept", value: "image/png, image/jpeg, image/svg+xml, image/gif;q=0.5, */*;q=0.1")
                if let cached {
                    if let etag = cached.etag { request.headers.add(name: "If-None-Match", value: etag) }
                    if let lastModified = cached.lastModified { request.headers.add(name: "If-Modified-Since", value: lastModified) }
                }
                let delegate = ResponseAccumulator(request: request, maxBodySize: min(limits.imageDownloadBytes, Self.largestDownload))
                // The client fails the request at the deadline wherever it is (queued, connecting, or reading a body a
                // server trickles), so one deadline for all hops bounds the whole image; a test trickles a body to show it.
                let task = Self.client.execute(request: request, delegate: delegate, deadline: deadline)
                do {
                    response = try task.futureResult.wait()
                } catch {
                    return .failure(Self.failure(for: error, limits: limits, timeout: timeout))
                }
            } catch {
                return .failure(DownloadFailure(reason: "the address cannot be requested (\(error))", transient: false))
            }
            switch response.status.code {
            case 200:
                return Self.accept(response).map { accepted in
                    .body(accepted.0, accepted.1, etag: response.headers.first(name: "ETag"),
                          lastModified: response.headers.first(name: "Last-Modified"), notes: accepted.2)
                }
            case 304:
                return .success(.notModified)
            case 301, 302, 303, 307, 308:
                guard let location = response.headers.first(name: "Location"),
                      let next = URL(string: location, relativeTo: URL(string: current))?.absoluteURL else {
                    return .failure(DownloadFailure(reason: "the server answered \(Self.status(response)) without a usable Location", transient: false))
                }
                guard let scheme = next.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
                    return .failure(DownloadFailure(reason: "it redirects to \(next.absoluteString), which is not an http or https address",
                                                    transient: false))
                }
                guard let host = next.host, allowed.allows(host) else {
                    return .failure(DownloadFailure(reason: "it redirects to \(next.absoluteString), whose host \(next.host ?? "") is not allowed "
                                                    + "(allowed: \(allowed.summary))", transient: false))
                }
                current = next.absoluteString
            default:
                return .failure(DownloadFailure(reason: "the server answered \(Self.status(response))", transient: response.status.code >= 500))
            }
        }
        return .failure(DownloadFailure(reason: "it redirects more than \(Self.maxRedirects) times", transient: false))
    }

    /// The body of a 200 if it is an image, with a note when the server named another type than the bytes are.
    private static func accept(_ response: HTTPClient.Response) -> Result<(Data, ImageKind, [String]), DownloadFailure> {
        let data = response.body.map { Data($0.readableBytesView) } ?? Data()
        guard !data.isEmpty else { return .failure(DownloadFailure(reason: "the server sent an empty body", transient: false)) }
        let kind = ImageKind(sniffing: data)
        let declaredType = response.headers.first(name: "Content-Type")
        let declared = declaredType.flatMap(ImageKind.init(contentType:))
        guard kind.isImage else {
            let type = declaredType.map { " (Content-Type \($0))" } ?? ""
            return .failure(DownloadFailure(reason: "the server sent \(kind.words)\(type), not an image", transient: false))
        }
        var notes: [String] = []
        if let declaredType, declared != kind {
            notes.append("the server called it \(declaredType) but sent \(kind.words); it is read as what it is")
        }
        return .success((data, kind, notes))
    }

    /// The status as "404 Not Found".
    private static func status(_ response: HTTPClient.Response) -> String {
        "\(response.status.code) \(response.status.reasonPhrase)"
    }

    /// Why an image was not fetched when the caller's time for fetching ran out.

    /// A client error as a reason.
    private static func failure(for error: any Error, limits: Limits, timeout: DownloadFailure) -> DownloadFailure {
        if error is ResponseAccumulator.ResponseTooBigError {
            return DownloadFailure(reason: "it is larger than \(ByteCount.words(limits.imageDownloadBytes)) (the image-download-bytes limit)",
                                   transient: false)
        }
        if let client = error as? HTTPClientError {
            switch client {
            case .connectTimeout:
                return DownloadFailure(reason: "the server did not accept a connection within \(connectSeconds) seconds", transient: true)
            case .readTimeout, .deadlineExceeded: return timeout
            case .remoteConnectionClosed: return DownloadFailure(reason: "the server closed the connection", transient: true)
            default: return DownloadFailure(reason: "the request failed (\(client))", transient: true)
            }
        }
        return DownloadFailure(reason: "the server could not be reached (\(error))", transient: true)
    }
}

import Crypto
import Foundation
import GalleyFiles

/// What can be said of a remote image's address without the network: a mirror's file, a refusal (scheme, host,
/// offline), or a cached copy the run may use unchecked. Shared by the HTTP fetcher, which downloads what is left,
/// and by `HelperDownloader`, which starts `galley-net` only for what is left.
public struct LocalImageLookup: Sendable {
    /// What the lookup decided for one address.
    public enum Outcome: Sendable, Equatable {
        /// The answer, with no download needed.
        case answered(FetchedImage)
        /// `address` (protocol-relative addresses made https) must be asked of its server; `cached` is the copy the
        /// server may confirm, if any.
        case download(address: String, cached: CachedImage?)
    }

    /// A copy in the image cache: its entry and its file.
    public struct CachedImage: Sendable, Equatable {
        /// The cache's record of it (digest, validators, when it was last checked).
        public var entry: ImageCacheEntry
        /// The file's path.
        public var path: String
    }

    /// The clause for an image whose turn came after the time for fetching ran out.
    public static let budgetSpent = "the time for fetching images ran out before its turn"

    /// Which hosts, mirrors, cache folder and network use.
    public let settings: ImageFetchSettings
    /// The size limits a mirrored file is held to.
    public let limits: Limits
    /// The disk cache the settings name.
    public let cache: ImageCache

    /// A lookup within `settings` and `limits`.
    public init(settings: ImageFetchSettings, limits: Limits) {
        self.settings = settings
        self.limits = limits
        cache = ImageCache(directory: settings.resolvedCacheDirectory)
    }

    /// One address: a mirror, a refusal, or the cache, in that order; what is left is a download.
    public func look(_ original: String, allowed: HostAllowList, budget: Date?) -> Outcome {
        // A protocol-relative address (`//host/x.png`) is fetched over HTTPS.
        let address = original.hasPrefix("//") ? "https:" + original : original
        if let remap = settings.remaps.first(where: { $0.matches(address) }) {
            switch remap.file(for: address) {
            case .success(let path):
                do {
                    return .answered(.file(path: path, digest: try Self.digest(ofFile: path, limit: limits.imageFileBytes), notes: []))
                } catch {
                    return .answered(.failed("the mirrored file \(error)"))
                }
            case .failure(let problem):
                return .answered(.failed("it is under --remap \(remap.prefix)=\(remap.directory), but \(problem)"))
            }
        }
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return .answered(.failed("only http and https addresses are fetched"))
        }
        guard let host = url.host, !host.isEmpty else { return .answered(.failed("the address has no host")) }
        guard allowed.allows(host) else {
            return .answered(.failed("the host \(host) is not allowed (allowed: \(allowed.summary); allow it with --allow-host \(host))"))
        }
        let cached = cache.entry(for: address).map { CachedImage(entry: $0.entry, path: $0.path) }
        if let cached, settings.offline || settings.checkedSince.map({ cached.entry.checked >= $0 }) == true {
            return .answered(.file(path: cached.path, digest: cached.entry.digest, notes: []))
        }
        if settings.offline {
            return .answered(.failed("it is not in the image cache (\(cache.directory.path)), and --offline fetches nothing"))
        }
        if let budget, budget.timeIntervalSinceNow <= 0 {
            guard let cached else { return .answered(.failed(Self.budgetSpent)) }
            return .answered(.file(path: cached.path, digest: cached.entry.digest, notes: ["it was not checked with its server (\(Self.budgetSpent))"]))
        }
        return .download(address: address, cached: cached)
    }

    /// SHA-256 of a mirrored file, read in chunks; throws a `FileProblem` for anything but a regular file within `limit`.
    public static func digest(ofFile path: String, limit: Int) throws -> String {
        let file = try RegularFile(path: path, limit: limit, limitName: "image-file-bytes")
        var hasher = SHA256()
        try file.forEachChunk { hasher.update(bufferPointer: $0) }
        return HexText.lowercase(hasher.finalize())
    }
}

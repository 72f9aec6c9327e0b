import Foundation
import GalleyFiles

/// How a run treats remote figure images: which hosts may be asked, which addresses are read from a local mirror,
/// whether the network may be used at all, and where downloaded images are kept.
///
/// Plain data, so that an export can hand it to its worker processes; the size and time limits are in `Limits`.
public struct ImageFetchSettings: Codable, Sendable, Equatable {
    /// Hosts images may be fetched from besides each article's own site (`*` for any, `*.example.com` for a domain).
    public var allowedHosts: [String]
    /// Address prefixes read from local folders instead of being fetched (`--remap URL-PREFIX=DIR`).
    public var remaps: [URLRemap]
    /// Never use the network: only cached images (and remapped folders) are drawn.
    public var offline: Bool
    /// The cache folder, or nil for `$XDG_CACHE_HOME/galley/images` (`~/.cache/galley/images`).
    public var cacheDirectory: String?
    /// A cached image checked with its server at or after this time is used without asking again, so that one run
    /// (an export's scan and render passes, several articles sharing a logo) asks about each address once.
    public var checkedSince: Date?
    /// How many images of one article are downloaded at once.
    public var concurrency: Int

    /// Settings that fetch only from each article's own site, into the default cache folder.
    public init(allowedHosts: [String] = [], remaps: [URLRemap] = [], offline: Bool = false, cacheDirectory: String? = nil,
                checkedSince: Date? = nil, concurrency: Int = 4) {
        self.allowedHosts = allowedHosts
        self.remaps = remaps
        self.offline = offline
        self.cacheDirectory = cacheDirectory
        self.checkedSince = checkedSince
        self.concurrency = concurrency
    }

    /// The cache folder these settings name, or the default one (`$XDG_CACHE_HOME/galley/images`, else
    /// `~/.cache/galley/images`).
    public var resolvedCacheDirectory: URL {
        if let cacheDirectory { return URL(fileURLWithPath: cacheDirectory) }
        return UserCache.root.appendingPathComponent("images")
    }
}

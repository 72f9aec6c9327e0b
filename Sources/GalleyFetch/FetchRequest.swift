import Foundation
import GalleyFiles

/// One batch of remote images `galley` asks `galley-net fetch-images` for, on its standard input as JSON; the answer
/// is a `[String: FetchedImage]` by address, on its standard output.
public struct FetchRequest: Codable, Sendable, Equatable {
    /// Which hosts, mirrors, cache folder and network use.
    public var settings: ImageFetchSettings
    /// The download size and time limits.
    public var limits: Limits
    /// The addresses, as the article wrote them.
    public var urls: [String]
    /// Hosts allowed besides the settings' own: the article's site.
    public var siteHosts: [String]
    /// Nothing is waited for past this time, if set.
    public var budget: Date?

    /// A request for `urls` within `settings` and `limits`.
    public init(settings: ImageFetchSettings, limits: Limits, urls: [String], siteHosts: [String], budget: Date?) {
        self.settings = settings
        self.limits = limits
        self.urls = urls
        self.siteHosts = siteHosts
        self.budget = budget
    }
}

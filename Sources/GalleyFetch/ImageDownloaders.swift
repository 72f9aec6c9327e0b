import Foundation
import GalleyFiles

/// The one way a program says how remote images are fetched: `galley-net` installs the HTTP fetcher, `galley` the
/// `HelperDownloader` that asks `galley-net` in a child process, and every remote image the pipeline meets goes
/// through what was installed.
///
/// Fetching lives behind this switch so that the modules that set and draw articles (`GalleyExport` and below) do not
/// depend on the network stack: `galley` and the fuzzing targets are built without SwiftNIO, TLS and their
/// BoringSSL. A program that installed nothing gets every remote image refused with a reason, which the
/// pipeline reports as it reports a failed download.
public enum ImageDownloaders {
    /// Makes a downloader for settings and limits.
    public typealias Maker = @Sendable (ImageFetchSettings, Limits) -> any ImageDownloading

    private static let installed = Locked<Maker?>(nil)

    /// Makes `maker` the way remote images are fetched from now on, in the whole process.
    public static func install(_ maker: @escaping Maker) {
        installed.withLock { $0 = maker }
    }

    /// A downloader for `settings` within `limits`, from what was installed.
    public static func make(settings: ImageFetchSettings, limits: Limits) -> any ImageDownloading {
        installed.withLock { $0 }?(settings, limits) ?? Refusing()
    }

    /// What a program that installed no downloader fetches with, and what one that cannot fetch installs: every
    /// address refused, with the reason.
    public struct Refusing: ImageDownloading {
        /// The reason a program that installed nothing gives.
        public static let unavailable = "this program cannot fetch remote images (no downloader is installed)"
        /// Why every address is refused, as a clause.
        public let reason: String

        /// A downloader that refuses every address for `reason`.
        public init(reason: String = Refusing.unavailable) {
            self.reason = reason
        }

        /// Every address of `urls` refused.
        public func fetchBlocking(_ urls: [String], siteHosts: [String], budget: Date?) -> [String: FetchedImage] {
            Dictionary(urls.map { ($0, FetchedImage.failed(reason)) }, uniquingKeysWith: { first, _ in first })
        }

        /// Every address of `urls` refused, as `fetchBlocking` does.
        public func fetch(_ urls: [String], siteHosts: [String], budget: Date?) async -> [String: FetchedImage] {
            fetchBlocking(urls, siteHosts: siteHosts, budget: budget)
        }
    }
}

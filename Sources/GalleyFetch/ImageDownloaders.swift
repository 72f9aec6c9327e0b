import Foundation
import GalleyFiles

/// The one way a program says how remote images are fetched: the `galley` command installs the HTTP fetcher before
/// it runs a command, and every remote image the pipeline meets goes through what was installed.
///
/// Fetching lives behind this switch so that the modules that set and draw articles (`GalleyExport` and below) do not
/// depend on the network stack: a program that fetches nothing (the fuzzing targets) is built without SwiftNIO, TLS
/// and their BoringSSL. A program that installed nothing gets every remote image refused with a reason, which the
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
        installed.withLock { $0 }?(settings, limits) ?? Unavailable()
    }

    /// What a program that installed no downloader fetches with: every address refused, with the reason.
    struct Unavailable: ImageDownloading {
        static let reason = "this program cannot fetch remote images (no downloader is installed)"

        func fetchBlocking(_ urls: [String], siteHosts: [String], budget: Date?) -> [String: FetchedImage] {
            Dictionary(urls.map { ($0, FetchedImage.failed(Self.reason)) }, uniquingKeysWith: { first, _ in first })
        }

        func fetch(_ urls: [String], siteHosts: [String], budget: Date?) async -> [String: FetchedImage] {
            fetchBlocking(urls, siteHosts: siteHosts, budget: budget)
        }
    }
}

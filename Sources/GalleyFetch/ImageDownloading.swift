import Foundation

/// Fetches remote figure images by address, within a program's settings and limits: the HTTP fetcher
/// (`GalleyFetchHTTP.ImageFetcher`) in the `galley` command, nothing in a program that never fetches.
///
/// Every failure is an answer (`FetchedImage.failed` with a reason), never a thrown error.
public protocol ImageDownloading: Sendable {
    /// Every address of `urls` fetched, blocking the calling thread; `siteHosts` are allowed besides the settings'
    /// hosts, and with a `budget` nothing waits past it.
    func fetchBlocking(_ urls: [String], siteHosts: [String], budget: Date?) -> [String: FetchedImage]

    /// Every address of `urls` fetched as `fetchBlocking` does, waiting without blocking a thread of the caller's.
    func fetch(_ urls: [String], siteHosts: [String], budget: Date?) async -> [String: FetchedImage]
}

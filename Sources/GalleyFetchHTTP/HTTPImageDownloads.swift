import GalleyFetch

/// Installs the HTTP fetcher as the process's way of fetching remote images (see `ImageDownloaders`).
public enum HTTPImageDownloads {
    /// Makes every remote image of the process go through an `ImageFetcher`; called by a program's `main` (and by
    /// tests that fetch in their own process) before anything is fetched.
    public static func install() {
        ImageDownloaders.install { settings, limits in ImageFetcher(settings: settings, limits: limits) }
    }
}

extension ImageFetcher: ImageDownloading {}

import Foundation

/// Galley's per-user cache root: `$XDG_CACHE_HOME/galley`, else `~/.cache/galley`. Everything under it can be rebuilt.
public enum UserCache {
    /// The root folder (not created here), found once per process.
    ///
    /// Once, because `ProcessInfo.environment` copies the whole environment into a dictionary at every call (345,000
    /// instructions), and a cold render asked for a cache folder six times.
    public static let root: URL = {
        // An empty or relative XDG_CACHE_HOME is ignored, as the XDG base directory specification says.
        if let value = getenv("XDG_CACHE_HOME").map({ String(cString: $0) }), value.hasPrefix("/") {
            return URL(fileURLWithPath: value).appendingPathComponent("galley")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache").appendingPathComponent("galley")
    }()
}

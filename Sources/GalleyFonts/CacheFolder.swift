import Foundation
import GalleyFiles

/// Galley's per-user cache folders (`$XDG_CACHE_HOME/galley/…`), which only ever hold data that can be rebuilt.
public enum CacheFolder {
    /// The folder `name` under Galley's cache, created if needed; a folder in the temporary directory when the home has none.
    public static func named(_ name: String) -> URL {
        let folder = UserCache.root.appendingPathComponent(name)
        if (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil { return folder }
        let fallback = FileManager.default.temporaryDirectory.appendingPathComponent("galley-\(name)")
        try? FileManager.default.createDirectory(at: fallback, withIntermediateDirectories: true)
        return fallback
    }
}

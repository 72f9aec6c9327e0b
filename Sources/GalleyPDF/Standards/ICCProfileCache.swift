import Foundation

/// ICC profiles read once per process and path: PDF/A files each carry the same profile, and reading it from disk
/// for every file would cost more than the rest of the finish.
enum ICCProfileCache {
    private final class Storage: @unchecked Sendable {
        let lock = NSLock()
        var profiles: [String: Data] = [:]
    }

    private static let storage = Storage()

    /// The bytes of the profile at `path`.
    static func profile(at path: String) throws -> Data {
        storage.lock.lock()
        defer { storage.lock.unlock() }
        if let profile = storage.profiles[path] { return profile }
        let profile = try Data(contentsOf: URL(fileURLWithPath: path))
        storage.profiles[path] = profile
        return profile
    }
}

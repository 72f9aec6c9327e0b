import Foundation

/// What `galley watch` knows of the files it watches: each one's identity, size and modification time. Looking
/// (stat) rather than subscribing (inotify) survives editors that save by writing a new file and renaming it over
/// the old one, which ends an inotify watch on the file.
struct WatchedFiles {
    /// A file's state; nil for a file that is not there.
    private struct Stamp: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
    }

    private var stamps: [String: Stamp?] = [:]

    /// The state of `paths` now.
    init(paths: [String]) {
        for path in paths { stamps[path] = Self.stamp(path) }
    }

    /// Whether `paths` differ from the ones seen: a file changed, appeared or went away.
    func changed(paths: [String]) -> Bool {
        if Set(paths) != Set(stamps.keys) { return true }
        return paths.contains { stamps[$0] != Self.stamp($0) }
    }

    /// The regular files directly inside `folder` (none when it is not a folder).
    static func files(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { (folder as NSString).appendingPathComponent($0) }
            .filter { stamp($0) != nil }
    }

    private static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Stamp(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                     seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
    }
}

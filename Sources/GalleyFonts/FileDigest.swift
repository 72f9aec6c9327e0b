import Crypto
import Foundation
import GalleyFiles

/// The SHA-256 of files, read in chunks so that large files (a 26 MB font collection, a photograph) never sit in
/// memory whole.
public enum FileDigest {
    /// The file's SHA-256 in lower-case hex, or nil when it cannot be read.
    public static func sha256(ofFile path: String) -> String? {
        // Only a regular file: `/dev/zero` or a FIFO named as an image would otherwise be read forever.
        guard let file = try? RegularFile(path: path) else { return nil }
        var hasher = SHA256()
        do {
            try file.forEachChunk { hasher.update(bufferPointer: $0) }
        } catch {
            return nil
        }
        return HexText.lowercase(hasher.finalize())
    }

    /// The SHA-256 of each regular file of `paths` that can be read (others are left out), reusing the digest
    /// remembered for a file whose size, modification time (to the nanosecond) and inode are unchanged.
    ///
    /// Galley's fonts come to about 40 MB with the CJK collections: reading them on every run would cost more than
    /// exporting dozens of articles, and they change only with a package upgrade or a rebuild of `Fonts/`.
    public static func rememberedSHA256(ofFiles paths: [String]) -> [String: String] {
        let memory = CacheFolder.named("digests").appendingPathComponent("files.tsv")
        var remembered = read(memory, only: Set(paths))
        var changed = false
        var result: [String: String] = [:]
        for path in paths {
            guard let stamp = Stamp(path: path) else { continue }
            if let known = remembered[path], known.stamp == stamp {
                result[path] = known.sha256
                continue
            }
            guard let digest = sha256(ofFile: path) else { continue }
            remembered[path] = (stamp, digest)
            result[path] = digest
            changed = true
        }
        if changed {
            // The whole list is read again only to write it, and files that are gone (test folders, old checkouts)
            // are left out, so the list a render reads stays as long as the fonts a machine has.
            var all = read(memory, only: nil).filter { Stamp(path: $0.key) != nil }
            all.merge(remembered) { _, new in new }
            write(all, to: memory)
        }
        return result
    }

    /// What identifies a file's version without reading it.
    private struct Stamp: Equatable {
        var size: Int64
        var modified: Int64
        var inode: UInt64

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            size = Int64(info.st_size)
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            inode = UInt64(info.st_ino)
        }

        init(size: Int64, modified: Int64, inode: UInt64) {
            self.size = size
            self.modified = modified
            self.inode = inode
        }
    }

    /// The remembered digests of the files `only` names (nil: every file): `path<TAB>size<TAB>mtime-ns<TAB>inode<TAB>sha256`
    /// per line.
    ///
    /// Read as bytes, and a line's fields are parsed only when its path is wanted: this runs on every render's start.
    private static func read(_ url: URL, only wanted: Set<String>?) -> [String: (stamp: Stamp, sha256: String)] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [:] }
        var result: [String: (stamp: Stamp, sha256: String)] = [:]
        // Scanned through a raw buffer: `Data.split` costs a bounds and exclusivity check per byte, which made this
        // list the largest part of a render's start.
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            let all = bytes.bindMemory(to: UInt8.self)
            var start = 0
            while start < all.count {
                var end = start
                while end < all.count && all[end] != UInt8(ascii: "\n") { end += 1 }
                defer { start = end + 1 }
                var tab = start
                while tab < end && all[tab] != UInt8(ascii: "\t") { tab += 1 }
                guard tab < end else { continue }
                let path = String(decoding: UnsafeBufferPointer(rebasing: all[start..<tab]), as: UTF8.self)
                if let wanted, !wanted.contains(path) { continue }
                let fields = String(decoding: UnsafeBufferPointer(rebasing: all[(tab + 1)..<end]), as: UTF8.self)
                    .split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count == 4, let size = Int64(fields[0]), let modified = Int64(fields[1]), let inode = UInt64(fields[2]),
                      fields[3].utf8.count == 64 else { continue }
                result[path] = (Stamp(size: size, modified: modified, inode: inode), String(fields[3]))
            }
        }
        return result
    }

    /// Written to a temporary file and renamed, so that concurrent runs never read half a list.
    private static func write(_ entries: [String: (stamp: Stamp, sha256: String)], to url: URL) {
        let text = entries.keys.sorted().map { path in
            let entry = entries[path]!
            return "\(path)\t\(entry.stamp.size)\t\(entry.stamp.modified)\t\(entry.stamp.inode)\t\(entry.sha256)\n"
        }.joined()
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".files-\(getpid())-\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8)) else { return }
        if rename(temporary.path, url.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
    }
}

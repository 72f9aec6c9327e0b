import Foundation

/// Checks pinned font files against their SHA-256, remembering files already checked by their size, time and inode.
///
/// Hashing the four Noto CJK files takes about a quarter of a second; a file whose size, modification time and
/// inode are those it had when it last matched is not read again, so a render pays that once per machine.
struct PinVerifier {
    /// The pin list being checked, named in messages.
    let listFile: String

    private struct Stamp: Equatable {
        var size: Int64
        var modified: Int64
        var inode: UInt64
    }

    private var memoryURL: URL { CacheFolder.named("fonts").appendingPathComponent("verified.tsv") }

    func verify(_ pins: [PinnedFont]) throws {
        var remembered = readMemory()
        var changed = false
        for pin in pins {
            guard let stamp = Self.stamp(of: pin.path) else {
                throw FontError(file: listFile, line: pin.line,
                                message: "\(pin.path) is not installed: install the Debian package \(pin.package) (apt-get install \(pin.package))")
            }
            if let known = remembered[pin.path], known.stamp == stamp, known.sha256 == pin.sha256 { continue }
            guard let digest = FileDigest.sha256(ofFile: pin.path) else {
                throw FontError(file: listFile, line: pin.line, message: "\(pin.path) cannot be read (from the Debian package \(pin.package))")
            }
            guard digest == pin.sha256 else {
                throw FontError(file: listFile, line: pin.line, message: """
                    \(pin.path) is not the file Galley was made with (SHA-256 \(digest), expected \(pin.sha256)): \
                    another version of the Debian package \(pin.package) is installed; install Debian 12's version or update the pin
                    """)
            }
            remembered[pin.path] = (stamp, digest)
            changed = true
        }
        if changed { writeMemory(remembered) }
    }

    private static func stamp(of path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Stamp(size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                     inode: UInt64(info.st_ino))
    }

    /// The files that matched before: `path<TAB>size<TAB>mtime-ns<TAB>inode<TAB>sha256` per line.
    private func readMemory() -> [String: (stamp: Stamp, sha256: String)] {
        guard let data = FileManager.default.contents(atPath: memoryURL.path) else { return [:] }
        var result: [String: (stamp: Stamp, sha256: String)] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 5, let size = Int64(fields[1]), let modified = Int64(fields[2]), let inode = UInt64(fields[3]) else { continue }
            result[fields[0]] = (Stamp(size: size, modified: modified, inode: inode), fields[4])
        }
        return result
    }

    /// Written to a temporary file and renamed, so that concurrent runs never read half a list.
    private func writeMemory(_ entries: [String: (stamp: Stamp, sha256: String)]) {
        let text = entries.keys.sorted().map { path in
            let entry = entries[path]!
            return "\(path)\t\(entry.stamp.size)\t\(entry.stamp.modified)\t\(entry.stamp.inode)\t\(entry.sha256)\n"
        }.joined()
        let temporary = memoryURL.deletingLastPathComponent().appendingPathComponent(".verified-\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8)) else { return }
        if rename(temporary.path, memoryURL.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
    }
}

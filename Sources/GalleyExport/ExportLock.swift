import Foundation
import GalleyFiles

/// Keeps two exports from writing one manifest at once: an exclusive `flock` on `.<manifest>.lock` beside it, held for
/// the run.
///
/// The lock is the kernel's, so it is released however the holder ends (`kill -9` included), and a leftover lock file
/// means nothing. The file holds the holder's process id, for the message the second export prints.
public final class ExportLock: Sendable {
    private let descriptor: Int32
    /// The lock file.
    public let path: String

    /// Takes the lock for `manifest`, or throws an `ExportError` naming the export that holds it.
    public init(manifest: URL) throws {
        path = manifest.deletingLastPathComponent().appendingPathComponent("." + manifest.lastPathComponent + ".lock").path
        try? FileManager.default.createDirectory(at: manifest.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ExportError(FileProblem(path: path, errno: errno, action: "cannot be created (the export's lock)").description)
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.holder(descriptor)
            close(descriptor)
            throw ExportError("another export\(holder.map { " (process \($0))" } ?? "") is writing \(manifest.path); "
                              + "wait for it to finish, or give this one another --out-dir or --manifest")
        }
        ftruncate(descriptor, 0)
        let text = "\(getpid())\n"
        _ = text.withCString { write(descriptor, $0, strlen($0)) }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func holder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

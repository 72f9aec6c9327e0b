import Foundation

/// Writes an output so that nobody sees half of it, and never replaces what is not a regular file.
///
/// A regular file (or a new one) is written beside the target under a temporary name and renamed over it.
/// A device or pipe (`/dev/null`, `/dev/stdout`, a FIFO a reader waits on) is written to directly: renaming
/// over it would replace a device node with a file. A folder is refused. Every failure, a full disk
/// included, is a `FileProblem` naming the path.
public enum OutputFile {
    /// Writes `data` to `path`, creating its folder if `createFolder` is set.
    public static func write(_ data: Data, to path: String, createFolder: Bool = true) throws {
        try write(to: path, createFolder: createFolder) { emit in try emit(data) }
    }

    /// Writes to `path` what `produce` hands its `emit` function, piece by piece, so that a large output (a
    /// manifest of 100,000 entries) never has to be held whole; the same rules as `write(_:to:)`.
    public static func write(to path: String, createFolder: Bool = true, _ produce: (_ emit: (Data) throws -> Void) throws -> Void) throws {
        switch try FileKind.of(path) {
        case .folder:
            throw FileProblem(path: path, reason: "cannot be written: is a folder (name a file to write the PDF to)")
        case .characterDevice, .fifo, .socket:
            try writeDirectly(to: path, produce)
        case .blockDevice:
            throw FileProblem(path: path, reason: "cannot be written: is a disk device; Galley does not write over devices")
        case .regular, .missing:
            try replace(path, createFolder: createFolder, produce)
        }
    }

    /// Writes all of `data` to the open descriptor `descriptor`, naming `path` in any error.
    public static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws {
        try data.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + done, buffer.count - done)
                if count < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    throw FileProblem(path: path, errno: errno, action: "cannot be written")
                }
                done += count
            }
        }
    }

    private static func writeDirectly(to path: String, _ produce: ((Data) throws -> Void) throws -> Void) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileProblem(path: path, errno: errno, action: "cannot be written") }
        defer { close(descriptor) }
        try produce { try writeAll($0, to: descriptor, path: path) }
    }

    private static func replace(_ path: String, createFolder: Bool, _ produce: ((Data) throws -> Void) throws -> Void) throws {
        // Through a symbolic link, the file it points to is replaced and the link kept.
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { link in
            link.hasPrefix("/") ? link : ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(link)
        } ?? path
        let folder = (target as NSString).deletingLastPathComponent
        if createFolder, !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw FileProblem.from(error, path: folder, action: "cannot be created")
            }
        }
        let name = (target as NSString).lastPathComponent
        guard name.utf8.count <= 255 else { throw FileProblem(path: path, errno: ENAMETOOLONG, action: "cannot be written") }
        let temporary = (folder.isEmpty ? "" : folder + "/") + StaleTemporaryFiles.temporaryName(for: name)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            let code = errno
            // The file is made in its folder first: a folder Galley may not write in is what to name.
            if code == EACCES || code == EPERM || code == EROFS {
                throw FileProblem(path: folder.isEmpty ? "." : folder, errno: code, action: "no file can be written in this folder")
            }
            throw FileProblem(path: path, errno: code, action: "cannot be written")
        }
        do {
            try produce { try writeAll($0, to: descriptor, path: path) }
            // Data reaches the disk before the name does: after a crash the target is the old file or the whole new one.
            if fsync(descriptor) != 0, errno != EINVAL { throw FileProblem(path: path, errno: errno, action: "cannot be written") }
            close(descriptor)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        if rename(temporary, target) != 0 {
            let code = errno
            unlink(temporary)
            throw FileProblem(path: path, errno: code, action: "cannot be written")
        }
    }
}

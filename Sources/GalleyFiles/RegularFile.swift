import Foundation

/// Reads inputs (articles, layouts, images, fonts) only when they are regular files of a bounded size.
///
/// A folder, a FIFO or a device given where a file is expected must fail with a sentence, never block in
/// `open()` (a FIFO with no writer) or read forever (`/dev/zero`). The file is opened without blocking and
/// checked with `fstat` on the open descriptor, so a path swapped between the check and the read changes nothing.
public final class RegularFile {
    /// The open descriptor.
    public let descriptor: Int32
    /// The path as given, for messages.
    public let path: String
    /// The size when opened.
    public let size: Int

    /// Opens `path` for reading; throws a `FileProblem` unless it is a regular file of at most `limit` bytes.
    public init(path: String, limit: Int = .max, limitName: String = "file-bytes") throws {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileProblem(path: path, errno: errno, action: "cannot be read") }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            throw FileProblem(path: path, errno: code, action: "cannot be read")
        }
        let kind = FileKind(mode: info.st_mode, size: info.st_size)
        if let refusal = kind.refusal {
            close(descriptor)
            throw FileProblem(path: path, reason: refusal)
        }
        guard Int(info.st_size) <= limit else {
            close(descriptor)
            throw FileProblem(path: path, reason: "is \(ByteCount.words(Int(info.st_size))), more than the limit of \(ByteCount.words(limit)) "
                              + "(set \(limitName) to allow it)")
        }
        self.descriptor = descriptor
        self.path = path
        self.size = Int(info.st_size)
    }

    deinit { close(descriptor) }

    /// Reads the whole file (at most the size it had when opened, so a growing file cannot run on).
    public func readAll() throws -> Data {
        var data = Data(count: size)
        var done = 0
        while done < size {
            let count = data.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + done, size - done)
            }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw FileProblem(path: path, errno: errno, action: "cannot be read")
            }
            if count == 0 { break }
            done += count
        }
        if done < size { data.removeSubrange(done...) }
        return data
    }

    /// Calls `body` with successive chunks of the file, at most `chunk` bytes each, up to its size when opened.
    public func forEachChunk(of chunk: Int = 1 << 20, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var remaining = size
        while remaining > 0 {
            let count = Foundation.read(descriptor, buffer, min(chunk, remaining))
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw FileProblem(path: path, errno: errno, action: "cannot be read")
            }
            if count == 0 { break }
            try body(UnsafeRawBufferPointer(start: buffer, count: count))
            remaining -= count
        }
    }

    /// The first `count` bytes (fewer if the file is shorter).
    public func head(_ count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: min(count, size))
        var done = 0
        while done < bytes.count {
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, $0.count - done, off_t(done)) }
            if got < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw FileProblem(path: path, errno: errno, action: "cannot be read")
            }
            if got == 0 { break }
            done += got
        }
        return Array(bytes.prefix(done))
    }

    /// The whole of the regular file at `path`, if it has at most `limit` bytes.
    public static func read(_ path: String, limit: Int = .max, limitName: String = "file-bytes") throws -> Data {
        try RegularFile(path: path, limit: limit, limitName: limitName).readAll()
    }
}

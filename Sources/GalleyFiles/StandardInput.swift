import Foundation

/// Reads standard input up to a limit, so that `cat /dev/zero | galley render -` fails instead of filling memory.
public enum StandardInput {
    /// All of standard input, or a `FileProblem` once it passes `limit` bytes.
    public static func read(limit: Int) throws -> Data {
        var data = Data()
        let chunk = 1 << 16
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = Foundation.read(STDIN_FILENO, buffer, chunk)
            if count < 0 {
                if errno == EINTR { continue }
                throw FileProblem(path: "<stdin>", errno: errno, action: "cannot be read")
            }
            if count == 0 { return data }
            data.append(buffer.assumingMemoryBound(to: UInt8.self), count: count)
            if data.count > limit {
                throw FileProblem(path: "<stdin>", reason: "is more than the limit of \(ByteCount.words(limit)) (set file-bytes to allow more)")
            }
        }
    }
}

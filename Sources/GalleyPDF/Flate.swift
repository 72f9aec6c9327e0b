import CZlib

/// zlib's deflate and inflate for the streams the native writer reads and writes.
enum Flate {
    /// Why a stream could not be inflated.
    struct Failure: Error {
        var message: String
    }

    /// `bytes` compressed at `level` (6 is zlib's and cairo's default).
    ///
    /// The window is no larger than the data needs: zlib's full 32 KB window and its tables cost more to set up
    /// than compressing a few kilobytes of page content does, and a smaller window loses nothing on short input.
    static func deflate(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var windowBits: Int32 = 9
        while windowBits < 15, 1 << windowBits < bytes.count + 262 { windowBits += 1 }
        var stream = z_stream()
        guard galley_deflate_init(&stream, level, windowBits) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, UInt(bytes.count)))
        var output = [UInt8](repeating: 0, count: bound)
        let written = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out -> Int in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = UInt32(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = UInt32(out.count)
                _ = CZlib.deflate(&stream, Z_FINISH)
                return out.count - Int(stream.avail_out)
            }
        }
        output.removeSubrange(written...)
        return output
    }

    /// `bytes` (a zlib stream) inflated.
    static func inflate(_ bytes: UnsafeBufferPointer<UInt8>) throws -> [UInt8] {
        var stream = z_stream()
        guard galley_inflate_init(&stream) == Z_OK else { throw Failure(message: "zlib could not start") }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: max(1024, bytes.count * 4))
        var produced = 0
        stream.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress)
        stream.avail_in = UInt32(bytes.count)
        while true {
            let (status, count) = output.withUnsafeMutableBufferPointer { out -> (Int32, Int) in
                stream.next_out = out.baseAddress! + produced
                stream.avail_out = UInt32(out.count - produced)
                let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                return (status, out.count - produced - Int(stream.avail_out))
            }
            produced += count
            if status == Z_STREAM_END {
                output.removeSubrange(produced...)
                return output
            }
            guard status == Z_OK || status == Z_BUF_ERROR else {
                throw Failure(message: stream.msg.map { String(cString: $0) } ?? "zlib error \(status)")
            }
            if stream.avail_out == 0 {
                output.append(contentsOf: repeatElement(0, count: output.count))
            } else if stream.avail_in == 0 {
                // The data ended without zlib's end marker; what was inflated is kept, as readers do.
                output.removeSubrange(produced...)
                return output
            }
        }
    }
}

import CLibDeflate
import CZlib

/// Deflate and inflate for the streams the native writer reads and writes: libdeflate, which compresses page
/// content 2.6 times as fast as zlib at level 1 (and a little smaller), and inflates twice as fast; zlib only
/// for a stream libdeflate refuses, one that ends without its end marker.
enum Flate {
    /// Why a stream could not be inflated.
    struct Failure: Error {
        var message: String
    }

    /// Whether the zlib stream at `start` in `bytes` begins with a stored (uncompressed) block, as cairo writes at
    /// level 0: the method in the first header byte is deflate, and the first block's type bits are 00.
    static func beginsWithStoredBlock(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Bool {
        start + 2 < end && bytes[start] & 0x0F == 8 && (bytes[start + 2] >> 1) & 3 == 0
    }

    /// `bytes` compressed as a zlib stream at `level` (zlib's scale, 0 to 9; libdeflate's 1 to 9 behave alike).
    static func deflate(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        guard let compressor = libdeflate_alloc_compressor(max(0, min(12, level))) else { return [] }
        defer { libdeflate_free_compressor(compressor) }
        var output = [UInt8](repeating: 0, count: libdeflate_zlib_compress_bound(compressor, bytes.count))
        let written = bytes.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                libdeflate_zlib_compress(compressor, input.baseAddress, input.count, out.baseAddress, out.count)
            }
        }
        output.removeSubrange(written...)
        return output
    }

    /// `bytes` (a zlib stream) inflated.
    static func inflate(_ bytes: UnsafeBufferPointer<UInt8>) throws -> [UInt8] {
        guard let decompressor = libdeflate_alloc_decompressor() else { throw Failure(message: "libdeflate could not start") }
        defer { libdeflate_free_decompressor(decompressor) }
        // libdeflate needs room for all of the output at once: page content inflates to about three times its size.
        var capacity = max(4096, bytes.count * 4)
        while capacity < 1 << 31 {
            var result = LIBDEFLATE_SUCCESS
            // Not zeroed first: libdeflate writes every byte it reports, and only those are kept. Zeroing the room
            // (four times the input) cost as much as inflating it.
            let output = [UInt8](unsafeUninitializedCapacity: capacity) { out, initialized in
                var produced = 0
                result = libdeflate_zlib_decompress(decompressor, bytes.baseAddress, bytes.count, out.baseAddress, out.count, &produced)
                initialized = result == LIBDEFLATE_SUCCESS ? produced : 0
            }
            switch result {
            case LIBDEFLATE_SUCCESS:
                return output
            case LIBDEFLATE_INSUFFICIENT_SPACE:
                capacity *= 4
            default:
                return try zlibInflate(bytes)
            }
        }
        throw Failure(message: "a stream inflates to more than 2 GB")
    }

    /// zlib's inflate, which keeps what a stream without its end marker holds, as PDF readers do.
    private static func zlibInflate(_ bytes: UnsafeBufferPointer<UInt8>) throws -> [UInt8] {
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
                output.removeSubrange(produced...)
                return output
            }
        }
    }
}

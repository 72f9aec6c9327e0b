import CCairoPango
import CImageScale
import Foundation

/// Turns the bytes of a PNG or JPEG into a cairo image surface, by libraries only: cairo's PNG reader, libpng and
/// libjpeg a row at a time (CImageScale), or no decoding at all for a JPEG cairo embeds as it is.
///
/// Every decoder reads the bytes already checked against the limits, never the path again, and is held to the header
/// they were checked by: a decoder that finds another size stops before it decodes a row.
enum RasterDecoder {
    /// Why a decoder failed, in its own words.
    struct Failure: Error {
        var reason: String
    }

    /// The longest side of the stand-in surface a passed-through JPEG is drawn from.
    private static let proxySide = 64

    /// A PNG at its full size, through cairo's own reader.
    static func png(_ data: Data) -> Result<OpaquePointer, Failure> {
        final class Reader {
            let data: Data
            var offset = 0
            init(_ data: Data) { self.data = data }
        }
        let reader = Reader(data)
        let surface = withExtendedLifetime(reader) {
            cairo_image_surface_create_from_png_stream({ closure, buffer, length in
                guard let closure, let buffer else { return CAIRO_STATUS_READ_ERROR }
                let reader = Unmanaged<Reader>.fromOpaque(closure).takeUnretainedValue()
                let count = Int(length)
                guard reader.offset + count <= reader.data.count else { return CAIRO_STATUS_READ_ERROR }
                reader.data.copyBytes(to: buffer, from: reader.offset..<(reader.offset + count))
                reader.offset += count
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(reader).toOpaque())
        }
        return checked(surface, doing: "decode it")
    }

    /// A surface that carries an RGB or grey JPEG's bytes for the PDF to embed as they are (DCTDecode): cairo never
    /// decodes the JPEG, and it maps the embedded image onto the surface's extent whatever the JPEG's own size. The
    /// surface is a small stand-in of about the same proportions (at most 64 pixels a side): cairo copies a source's
    /// pixels when it records a drawing, and a full-size one cost 1.6 GB for a 20000 × 20000 JPEG, or failed past
    /// 32767 pixels a side.
    static func jpegPassThrough(_ data: Data, header: ImageHeader) -> Result<OpaquePointer, Failure> {
        let shrink = max(1, (max(header.width, header.height) + proxySide - 1) / proxySide)
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32((header.width + shrink - 1) / shrink),
                                                 Int32((header.height + shrink - 1) / shrink))
        let result = checked(surface, doing: "make a surface for it")
        if case .success(let surface) = result {
            let count = data.count
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
            data.copyBytes(to: buffer, count: count)
            cairo_surface_set_mime_data(surface, CAIRO_MIME_TYPE_JPEG, buffer, UInt(count), { pointer in
                pointer?.assumingMemoryBound(to: UInt8.self).deallocate()
            }, buffer)
        }
        return result
    }

    /// An image decoded by libpng or libjpeg (as its header says, never as its bytes might be sniffed) a row at a time
    /// and averaged down to `size`, its own size for a CMYK JPEG: memory is the result, a row of sums and a source
    /// row, and libjpeg's own keep is held to `memoryLimit`. A JPEG libjpeg found damaged but could draw comes back
    /// with libjpeg's words for the damage.
    static func scaled(_ data: Data, header: ImageHeader, size: (width: Int, height: Int),
                       memoryLimit: Int) -> Result<(surface: OpaquePointer, damage: String?), Failure> {
        let made = checked(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(size.width), Int32(size.height)),
                           doing: "make a surface for it")
        guard case .success(let surface) = made, let pixels = cairo_image_surface_get_data(surface) else {
            return made.map { ($0, nil) }
        }
        cairo_surface_flush(surface)
        let stride = cairo_image_surface_get_stride(surface)
        var message = [CChar](repeating: 0, count: 256)
        let decode = header.format == .png ? galley_scale_png : galley_scale_jpeg
        let result = data.withUnsafeBytes { buffer in
            decode(buffer.bindMemory(to: UInt8.self).baseAddress, buffer.count, UInt32(header.width), UInt32(header.height),
                   pixels, Int32(size.width), Int32(size.height), stride, max(0, memoryLimit), &message, message.count)
        }
        let words = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let library = header.format == .png ? "libpng" : "libjpeg"
        switch result {
        case GALLEY_SCALE_DONE:
            cairo_surface_mark_dirty(surface)
            return .success((surface, nil))
        case GALLEY_SCALE_DAMAGED:
            cairo_surface_mark_dirty(surface)
            return .success((surface, "\(library): \(words)"))
        default:
            cairo_surface_destroy(surface)
            return .failure(Failure(reason: "\(library) could not decode it: \(words)"))
        }
    }

    /// `surface` if cairo made it, else its status in cairo's words.
    private static func checked(_ surface: OpaquePointer?, doing action: String) -> Result<OpaquePointer, Failure> {
        guard let surface else { return .failure(Failure(reason: "cairo could not \(action)")) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            return .failure(Failure(reason: "cairo could not \(action): \(String(cString: cairo_status_to_string(status)))"))
        }
        return .success(surface)
    }
}

import CCairoPango
import CRsvg
import Foundation
import GalleyLayout

/// Draws images into a cairo context: JPEGs pass through undecoded, CMYK JPEGs and PNGs as pixels, SVGs as vectors.
///
/// Decoded images and parsed SVGs are kept for later documents while their file stays the same (same size and
/// modification time), so a batch decodes a shared picture once per thread rather than once per article.
final class ImageDrawing {
    /// A file as it was when it was decoded.
    private struct FileKey: Hashable {
        var path: String
        var size: Int
        var modified: Double
    }

    private var surfaces: [FileKey: OpaquePointer] = [:]
    private var drawings: [FileKey: UnsafeMutablePointer<RsvgHandle>] = [:]
    /// Decoded bytes kept; past the limit the cache starts again, which bounds memory in archives full of photos.
    private var cachedBytes = 0
    private static let byteLimit = 32 << 20

    deinit { empty() }

    private func empty() {
        for surface in surfaces.values { cairo_surface_destroy(surface) }
        for handle in drawings.values { g_object_unref(UnsafeMutableRawPointer(handle)) }
        surfaces.removeAll()
        drawings.removeAll()
        cachedBytes = 0
    }

    private static func key(for path: String) -> FileKey? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        let modified = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9
        return FileKey(path: path, size: Int(status.st_size), modified: modified)
    }

    private func remember(_ bytes: Int) {
        if cachedBytes + bytes > Self.byteLimit { empty() }
        cachedBytes += bytes
    }

    /// Draws `image` scaled into `size` at `origin`; an unreadable file leaves a grey box.
    func draw(_ image: ImageReference, at origin: Point, size: Size, on cr: OpaquePointer) {
        cairo_save(cr)
        defer { cairo_restore(cr) }
        cairo_rectangle(cr, origin.x, origin.y, size.width, size.height)
        cairo_clip(cr)
        if image.format == .svg, drawSVG(image, at: origin, size: size, on: cr) { return }
        guard let surface = surface(for: image) else {
            cairo_set_source_rgb(cr, 0.9, 0.9, 0.9)
            cairo_paint(cr)
            return
        }
        let pixelWidth = Double(cairo_image_surface_get_width(surface))
        let pixelHeight = Double(cairo_image_surface_get_height(surface))
        cairo_translate(cr, origin.x, origin.y)
        cairo_scale(cr, size.width / pixelWidth, size.height / pixelHeight)
        cairo_set_source_surface(cr, surface, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
        cairo_paint(cr)
    }

    private func drawSVG(_ image: ImageReference, at origin: Point, size: Size, on cr: OpaquePointer) -> Bool {
        guard let handle = svgHandle(for: image) else { return false }
        var viewport = RsvgRectangle(x: origin.x, y: origin.y, width: size.width, height: size.height)
        return rsvg_handle_render_document(handle, cr, &viewport, nil) != 0
    }

    private func svgHandle(for image: ImageReference) -> UnsafeMutablePointer<RsvgHandle>? {
        guard let key = Self.key(for: image.path) else { return nil }
        if let known = drawings[key] { return known }
        guard let handle = rsvg_handle_new_from_file(image.path, nil) else { return nil }
        remember(key.size)
        drawings[key] = handle
        return handle
    }

    private func surface(for image: ImageReference) -> OpaquePointer? {
        guard let key = Self.key(for: image.path) else { return nil }
        if let known = surfaces[key] { return known }
        var created: OpaquePointer?
        switch image.format {
        case .png:
            let surface = cairo_image_surface_create_from_png(image.path)
            if let surface, cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS { created = surface } else if let surface { cairo_surface_destroy(surface) }
        case .jpeg where !image.isCMYK:
            // PDF embeds the JPEG bytes as they are (DCTDecode), so cairo never reads this surface's pixels:
            // an empty surface of the right size carries the file, and the costly decode is skipped.
            if let data = try? Data(contentsOf: URL(fileURLWithPath: image.path)),
               let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(image.pixelWidth), Int32(image.pixelHeight)),
               cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS {
                Self.attachJPEG(data, to: surface)
                created = surface
            }
        case .jpeg:
            // CMYK JPEGs are decoded: embedded as they are, many viewers show their colours inverted.
            created = Self.decodeWithPixbuf(image.path)
        case .svg:
            created = nil
        }
        if let created {
            remember(Int(cairo_image_surface_get_stride(created)) * Int(cairo_image_surface_get_height(created)))
            surfaces[key] = created
        }
        return created
    }

    private static func attachJPEG(_ data: Data, to surface: OpaquePointer) {
        let count = data.count
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 1)
        data.copyBytes(to: buffer.assumingMemoryBound(to: UInt8.self), count: count)
        cairo_surface_set_mime_data(surface, CAIRO_MIME_TYPE_JPEG, buffer.assumingMemoryBound(to: UInt8.self), UInt(count), { pointer in
            pointer?.deallocate()
        }, buffer)
    }

    /// Decodes any format gdk-pixbuf reads into a premultiplied ARGB cairo surface.
    private static func decodeWithPixbuf(_ path: String) -> OpaquePointer? {
        guard let pixbuf = gdk_pixbuf_new_from_file(path, nil) else { return nil }
        defer { g_object_unref(UnsafeMutableRawPointer(pixbuf)) }
        let width = gdk_pixbuf_get_width(pixbuf), height = gdk_pixbuf_get_height(pixbuf)
        let channels = Int(gdk_pixbuf_get_n_channels(pixbuf))
        let hasAlpha = gdk_pixbuf_get_has_alpha(pixbuf) != 0
        let sourceStride = Int(gdk_pixbuf_get_rowstride(pixbuf))
        guard let pixels = gdk_pixbuf_read_pixels(pixbuf),
              let surface = cairo_image_surface_create(hasAlpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, width, height) else { return nil }
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let target = cairo_image_surface_get_data(surface) else { return nil }
        for row in 0..<Int(height) {
            let source = pixels + row * sourceStride
            let destination = (target + row * stride).withMemoryRebound(to: UInt32.self, capacity: Int(width)) { $0 }
            for column in 0..<Int(width) {
                let pixel = source + column * channels
                let alpha = hasAlpha ? UInt32(pixel[3]) : 255
                func premultiplied(_ value: UInt8) -> UInt32 { (UInt32(value) * alpha + 127) / 255 }
                destination[column] = alpha << 24 | premultiplied(pixel[0]) << 16 | premultiplied(pixel[1]) << 8 | premultiplied(pixel[2])
            }
        }
        cairo_surface_mark_dirty(surface)
        return surface
    }
}

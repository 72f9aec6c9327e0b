import CCairoPango
import CRsvg
import Foundation
import GalleyFiles
import GalleyLayout

/// Draws images into a cairo context: JPEGs pass through undecoded, CMYK JPEGs and PNGs as pixels, SVGs as vectors;
/// an image over the limits downsampled to its printed size, or not decoded at all.
///
/// Decoded images and parsed SVGs are kept for later documents while their file stays the same (same size and
/// modification time), so a batch decodes a shared picture once per thread rather than once per article. An image that
/// cannot be drawn leaves a grey box and an `ImageProblem`, once per document.
final class ImageDrawing {
    /// A file as it was when it was read.
    private struct FileKey: Hashable {
        var path: String
        var size: Int
        var modified: Double
    }

    /// A file decoded at a size (0 × 0 for its own).
    private struct SurfaceKey: Hashable {
        var file: FileKey
        var width: Int
        var height: Int
    }

    private let budget: ImageBudget
    /// The limits images are decoded within.
    var limits: Limits { budget.limits }
    private var headers: [FileKey: ImageHeader] = [:]
    private var surfaces: [SurfaceKey: OpaquePointer] = [:]
    private var drawings: [FileKey: OpaquePointer] = [:]
    /// Files that could not be drawn, with why, so a broken file is not decoded again for every document.
    private var failures: [FileKey: String] = [:]
    /// Files drawn as far as they could be read, with the decoder's words for the damage, reported in every document.
    private var damages: [FileKey: String] = [:]
    /// Decoded bytes kept; past the limit the cache starts again, which bounds memory in archives full of photos.
    private var cachedBytes = 0
    private static let byteLimit = 32 << 20
    /// The current document's problems, and the files they name.
    private(set) var problems: [ImageProblem] = []
    private var reported: Set<String> = []

    init(limits: Limits) {
        budget = ImageBudget(limits: limits)
    }

    deinit { empty() }

    private func empty() {
        for surface in surfaces.values { cairo_surface_destroy(surface) }
        for handle in drawings.values { g_object_unref(UnsafeMutableRawPointer(handle)) }
        surfaces.removeAll()
        drawings.removeAll()
        headers.removeAll()
        failures.removeAll()
        damages.removeAll()
        cachedBytes = 0
    }

    /// Starts a document: its problems are reported afresh, even for files the cache already knows are broken.
    func beginDocument() {
        problems = []
        reported = []
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

    private func report(_ path: String, _ reason: String) {
        guard reported.insert(path).inserted else { return }
        problems.append(ImageProblem(path: path, message: "the image could not be drawn (\(reason)); a grey box is printed in its place"))
    }

    private func reportDamage(_ path: String, _ damage: String) {
        guard reported.insert(path).inserted else { return }
        problems.append(ImageProblem(path: path, message: "the image is damaged (\(damage)); it is drawn as far as it could be read"))
    }

    /// Draws `image` scaled into `size` at `origin`; an image that cannot be drawn leaves a grey box and a problem.
    func draw(_ image: ImageReference, at origin: Point, size: Size, on cr: OpaquePointer) {
        cairo_save(cr)
        defer { cairo_restore(cr) }
        cairo_rectangle(cr, origin.x, origin.y, size.width, size.height)
        cairo_clip(cr)
        if image.format == .svg {
            if drawSVG(image, at: origin, size: size, on: cr) { return }
        } else if let surface = surface(for: image, printed: size) {
            let pixelWidth = Double(cairo_image_surface_get_width(surface))
            let pixelHeight = Double(cairo_image_surface_get_height(surface))
            cairo_translate(cr, origin.x, origin.y)
            cairo_scale(cr, size.width / pixelWidth, size.height / pixelHeight)
            cairo_set_source_surface(cr, surface, 0, 0)
            cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
            cairo_paint(cr)
            return
        }
        cairo_set_source_rgb(cr, 0.9, 0.9, 0.9)
        cairo_paint(cr)
    }

    private func drawSVG(_ image: ImageReference, at origin: Point, size: Size, on cr: OpaquePointer) -> Bool {
        guard let handle = svgHandle(for: image) else { return false }
        var viewport = RsvgRectangle(x: origin.x, y: origin.y, width: size.width, height: size.height)
        var error: UnsafeMutableRawPointer?
        guard rsvg_handle_render_document(handle, cr, &viewport, &error) == 0 else { return true }
        report(image.path, "librsvg could not draw it: " + (SVGDocument.takeMessage(error) ?? "no reason given"))
        return false
    }

    private func svgHandle(for image: ImageReference) -> OpaquePointer? {
        guard let key = Self.key(for: image.path) else {
            report(image.path, "the file is gone")
            return nil
        }
        if let known = drawings[key] { return known }
        if let failure = failures[key] {
            report(image.path, failure)
            return nil
        }
        let parsed = read(image.path).flatMap { data in
            SVGDocument.parse(data).mapError { RasterDecoder.Failure(reason: "librsvg could not read it: \($0.description)") }
        }
        switch parsed {
        case .success(let handle):
            remember(key.size)
            drawings[key] = handle
            return handle
        case .failure(let failure):
            failures[key] = failure.reason
            report(image.path, failure.reason)
            return nil
        }
    }

    /// The file's bytes, as long as it is still a regular file within the limit it was probed under.
    private func read(_ path: String) -> Result<Data, RasterDecoder.Failure> {
        Result { try RegularFile.read(path, limit: budget.limits.imageFileBytes, limitName: "image-file-bytes") }
            .mapError { RasterDecoder.Failure(reason: ($0 as? FileProblem)?.reason ?? "\($0)") }
    }

    private func surface(for image: ImageReference, printed: Size) -> OpaquePointer? {
        guard let key = Self.key(for: image.path) else {
            report(image.path, "the file is gone")
            return nil
        }
        if let failure = failures[key] {
            report(image.path, failure)
            return nil
        }
        var data: Data?
        let header: ImageHeader
        if let known = headers[key] {
            header = known
        } else {
            switch read(image.path) {
            case .success(let bytes): data = bytes
            case .failure(let failure): return fail(key, failure.reason)
            }
            guard let read = data.flatMap({ ImageHeader($0) }) else { return fail(key, "it is no longer a readable PNG or JPEG") }
            header = read
            headers[key] = header
        }
        // The header is checked again here, whoever made the reference: nothing is decoded beyond the limits.
        let size: (width: Int, height: Int)?
        switch budget.fit(header) {
        case .fits: size = nil
        case .downsamplable: size = budget.downsampledSize(header, printed: printed)
        case .tooLarge(let reason, let obstacle): return fail(key, "\(reason); \(obstacle)")
        }
        let surfaceKey = SurfaceKey(file: key, width: size?.width ?? 0, height: size?.height ?? 0)
        if let known = surfaces[surfaceKey] {
            if let damage = damages[key] { reportDamage(key.path, damage) }
            return known
        }
        if data == nil {
            switch read(image.path) {
            case .success(let bytes): data = bytes
            case .failure(let failure): return fail(key, failure.reason)
            }
        }
        guard let data, ImageHeader(data) == header else { return fail(key, "the file changed while it was drawn") }
        let decoded: Result<(surface: OpaquePointer, damage: String?), RasterDecoder.Failure>
        if size == nil && header.format == .png {
            decoded = RasterDecoder.png(data).map { ($0, nil) }
        } else if size == nil && !header.isDecoded {
            decoded = RasterDecoder.jpegPassThrough(data, header: header).map { ($0, nil) }
        } else {
            // A CMYK JPEG is decoded (embedded as it is, many viewers show its colours inverted); an oversize image is
            // decoded a row at a time into the size it is printed at.
            decoded = RasterDecoder.scaled(data, header: header, size: size ?? (header.width, header.height),
                                           memoryLimit: budget.limits.decodedImageBytes)
        }
        switch decoded {
        case .success(let (surface, damage)):
            let bytes = header.isDecoded || size != nil ? Int(cairo_image_surface_get_stride(surface)) * Int(cairo_image_surface_get_height(surface)) : data.count
            remember(bytes)
            surfaces[surfaceKey] = surface
            if let damage {
                damages[key] = damage
                reportDamage(key.path, damage)
            }
            return surface
        case .failure(let failure):
            return fail(key, failure.reason)
        }
    }

    private func fail(_ key: FileKey, _ reason: String) -> OpaquePointer? {
        failures[key] = reason
        report(key.path, reason)
        return nil
    }
}

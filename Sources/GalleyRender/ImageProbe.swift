import CCairoPango
import CRsvg
import Foundation
import GalleyFiles
import GalleyLayout

/// Reads an image file's format and size without decoding it, so layout can reserve its place.
public enum ImageProbe {
    /// Why an image cannot be used.
    public struct Problem: Error, CustomStringConvertible {
        /// A sentence for the user.
        public var description: String
    }

    /// The resolution an image over the limits is downsampled to, in pixels per inch of its printed size.
    public static let downsampledResolution = ImageBudget.printResolution

    /// The reference for the image at `url`, or a `Problem` saying why it cannot be drawn.
    public static func probe(_ url: URL, limits: Limits = Limits()) throws -> ImageReference {
        try examine(url, limits: limits).reference
    }

    /// The reference for the image at `url`, whether it can be drawn within `limits` (from its header alone), and
    /// what of it will not be drawn: the other files and addresses an SVG refers to, which are never read.
    public static func examine(_ url: URL, limits: Limits = Limits()) throws
        -> (reference: ImageReference, fit: ImageFit, unreadReferences: [String]) {
        // Only a regular file of bounded size: a folder, a FIFO or a device is refused before anything is read.
        let file: RegularFile
        let bytes: [UInt8]
        do {
            file = try RegularFile(path: url.path, limit: limits.imageFileBytes, limitName: "image-file-bytes")
            bytes = try file.head(33)
        } catch let problem as FileProblem {
            throw Problem(description: problem.reason)
        }
        let header: ImageHeader
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            guard let data = try? file.readAll(), let frame = JPEGFrame(data), let jpeg = ImageHeader(jpeg: data) else {
                throw Problem(description: "is not a readable JPEG")
            }
            guard frame.precision == 8 else { throw Problem(description: "is a \(frame.precision)-bit JPEG; Galley draws 8-bit JPEGs only") }
            guard [1, 3, 4].contains(frame.components) else {
                throw Problem(description: "is a JPEG with \(frame.components) colour components; Galley draws grey, RGB and CMYK JPEGs only")
            }
            header = jpeg
        } else if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            guard let png = ImageHeader(png: bytes) else { throw Problem(description: "is not a readable PNG") }
            header = png
        } else if isSVG(bytes, url: url) {
            return try probeSVG(file)
        } else if let format = otherFormat(bytes) {
            throw Problem(description: "is a \(format) image; Galley draws JPEG, PNG and SVG only (convert it to PNG or JPEG)")
        } else {
            throw Problem(description: "is not a JPEG, PNG or SVG image")
        }
        let reference = ImageReference(path: url.path, format: header.format, pixelWidth: Double(header.width),
                                       pixelHeight: Double(header.height), isCMYK: header.isCMYK)
        return (reference, ImageBudget(limits: limits).fit(header), [])
    }

    /// The size in a PNG's header chunk, which the format requires first (a decoder's probe would inflate the
    /// whole image to learn it); nil unless the header is complete and its fields are ones PNG allows.
    static func pngSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard bytes.count >= 29, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
              bytes[8..<16].elementsEqual([0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]) else { return nil }
        func integer(at offset: Int) -> Int { bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) } }
        let width = integer(at: 16), height = integer(at: 20)
        let depth = bytes[24], colour = bytes[25]
        let depths: [UInt8: Set<UInt8>] = [0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]]
        guard (1...Int(Int32.max)).contains(width), (1...Int(Int32.max)).contains(height),
              depths[colour]?.contains(depth) == true, bytes[26] == 0, bytes[27] == 0, bytes[28] <= 1 else { return nil }
        return (width, height)
    }

    private static func isSVG(_ bytes: [UInt8], url: URL) -> Bool {
        let text = String(decoding: bytes.prefix(16), as: UTF8.self)
        return text.contains("<svg") || text.contains("<?xml") || url.pathExtension.lowercased() == "svg"
    }

    /// The name of a raster format Galley does not draw, from its signature, for a message that says what to do.
    static func otherFormat(_ bytes: [UInt8]) -> String? {
        func starts(_ text: String, at offset: Int = 0) -> Bool {
            bytes.count >= offset + text.utf8.count && bytes[offset..<(offset + text.utf8.count)].elementsEqual(text.utf8)
        }
        if starts("GIF87a") || starts("GIF89a") { return "GIF" }
        if starts("RIFF") && starts("WEBP", at: 8) { return "WebP" }
        if starts("BM") { return "BMP" }
        if starts("II*\u{0}") || starts("MM\u{0}*") { return "TIFF" }
        if starts("ftypavif", at: 4) || starts("ftypheic", at: 4) || starts("ftypmif1", at: 4) { return "HEIF/AVIF" }
        if bytes.starts(with: [0xFF, 0x0A]) || starts("\u{0}\u{0}\u{0}\u{C}JXL ") { return "JPEG XL" }
        if bytes.starts(with: [0, 0, 1, 0]) { return "ICO" }
        if starts("%PDF") { return "PDF" }
        return nil
    }

    /// An SVG's size, parsed by librsvg from the bytes already opened: without a base file, so that no reference in it
    /// can reach another file (librsvg then loads only `data:` URLs).
    private static func probeSVG(_ file: RegularFile) throws -> (reference: ImageReference, fit: ImageFit, unreadReferences: [String]) {
        let data: Data
        do { data = try file.readAll() } catch { throw Problem(description: "\(error)") }
        let handle: OpaquePointer
        switch SVGDocument.parse(data) {
        case .success(let parsed): handle = parsed
        case .failure(let refusal): throw Problem(description: "is not a readable SVG (\(refusal.description))")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(handle)) }
        var width = 0.0, height = 0.0
        let hasSize = rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) != 0
        if !hasSize || !(width > 0 && height > 0 && width.isFinite && height.isFinite) {
            // No absolute size: use the view box's proportions at a nominal width.
            var hasViewBox: Int32 = 0
            var viewBox = RsvgRectangle()
            rsvg_handle_get_intrinsic_dimensions(handle, nil, nil, nil, nil, &hasViewBox, &viewBox)
            guard hasViewBox != 0, viewBox.width > 0, viewBox.height > 0, viewBox.width.isFinite, viewBox.height.isFinite else {
                throw Problem(description: "is an SVG with neither a size nor a viewBox")
            }
            width = 800
            height = 800 * viewBox.height / viewBox.width
        }
        guard height.isFinite, height > 0 else { throw Problem(description: "is an SVG whose proportions cannot be drawn (\(width) × \(height))") }
        return (ImageReference(path: file.path, format: .svg, pixelWidth: width, pixelHeight: height), .fits,
                SVGDocument.externalReferences(in: data))
    }
}

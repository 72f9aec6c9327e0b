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

    /// The reference for the image at `url`, or a `Problem` saying why it cannot be drawn.
    public static func probe(_ url: URL, limits: Limits = Limits()) throws -> ImageReference {
        // Only a regular file of bounded size: a folder, a FIFO or a device is refused before anything is read.
        let file: RegularFile
        let bytes: [UInt8]
        do {
            file = try RegularFile(path: url.path, limit: limits.imageFileBytes, limitName: "image-file-bytes")
            bytes = try file.head(33)
        } catch let problem as FileProblem {
            throw Problem(description: problem.reason)
        }
        let head = Data(bytes)
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            guard let data = try? file.readAll(), let frame = JPEGFrame(data) else {
                throw Problem(description: "is not a readable JPEG")
            }
            return ImageReference(path: url.path, format: .jpeg, pixelWidth: Double(frame.width), pixelHeight: Double(frame.height),
                                  isCMYK: frame.components == 4)
        }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            guard let (width, height) = pngSize(bytes) else { throw Problem(description: "is not a readable PNG") }
            return ImageReference(path: url.path, format: .png, pixelWidth: Double(width), pixelHeight: Double(height))
        }
        let text = String(decoding: head.prefix(16), as: UTF8.self)
        if text.contains("<svg") || text.contains("<?xml") || url.pathExtension.lowercased() == "svg" {
            return try probeSVG(url)
        }
        throw Problem(description: "is not a JPEG, PNG or SVG image")
    }

    /// The size in a PNG's header chunk, which the format requires first (gdk-pixbuf's probe inflated the
    /// whole image to learn it); nil unless the header is complete and its fields are ones PNG allows.
    static func pngSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard bytes.count >= 29, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
              bytes[8..<16].elementsEqual([0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]) else { return nil }
        func integer(at offset: Int) -> Int { bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) } }
        let width = integer(at: 16), height = integer(at: 20)
        let depth = bytes[24], colour = bytes[25]
        let depths: [UInt8: Set<UInt8>] = [0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]]
        guard (1...Int(Int32.max)).contains(width), (1...Int(Int32.max)).contains(height),
              depths[colour]?.contains(depth) == true else { return nil }
        return (width, height)
    }

    private static func probeSVG(_ url: URL) throws -> ImageReference {
        var error: UnsafeMutablePointer<GError>?
        guard let handle = rsvg_handle_new_from_file(url.path, &error) else {
            let reason = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
            if let error { g_error_free(error) }
            throw Problem(description: "is not a readable SVG (\(reason))")
        }
        defer { g_object_unref(handle) }
        var width = 0.0, height = 0.0
        if rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) == 0 || width <= 0 || height <= 0 {
            // No absolute size: use the view box's proportions at a nominal width.
            var hasViewBox: gboolean = 0
            var viewBox = RsvgRectangle()
            rsvg_handle_get_intrinsic_dimensions(handle, nil, nil, nil, nil, &hasViewBox, &viewBox)
            guard hasViewBox != 0, viewBox.width > 0, viewBox.height > 0 else {
                throw Problem(description: "is an SVG with neither a size nor a viewBox")
            }
            width = 800
            height = 800 * viewBox.height / viewBox.width
        }
        return ImageReference(path: url.path, format: .svg, pixelWidth: width, pixelHeight: height)
    }
}

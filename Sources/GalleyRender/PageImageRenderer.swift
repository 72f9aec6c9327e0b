import CCairoPango
import Foundation
import GalleyLayout

/// Draws one page of a finished document as a PNG with cairo, for a post's "Download PDF" card.
///
/// The page is drawn by the same code as the PDF's, on an image surface scaled to the width asked, over white (a PDF
/// page is paper, a transparent PNG would show the web page's background through it).
public struct PageImageRenderer: Sendable {
    /// The widest image drawn, in pixels: 4,000 wide is a 6,000-pixel-high A4 page, 96 MB of pixels at most.
    public static let maximumWidth = 4000

    /// Creates a renderer.
    public init() {}

    /// Page `index` of `document` as PNG bytes `width` pixels wide, with fonts and images from `cache`.
    public func png(_ document: PagedDocument, page index: Int = 0, width: Int, reusing cache: RenderCache) throws -> Data {
        guard document.pages.indices.contains(index) else {
            throw PDFRenderer.RenderError(description: "the document has no page \(index + 1)")
        }
        guard (1...Self.maximumWidth).contains(width) else {
            throw PDFRenderer.RenderError(description: "an image width must be 1 to \(Self.maximumWidth) pixels, not \(width)")
        }
        let page = document.pages[index]
        let scale = Double(width) / page.size.width
        let height = max(1, Int((page.size.height * scale).rounded()))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            throw PDFRenderer.RenderError(description: "cairo could not create an image surface")
        }
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_scale(cr, scale, scale)
        GlyphDrawing.prepare(cr)
        let glyphs = GlyphDrawing()
        let images = cache.images
        images.beginDocument()
        var source: Color?
        let drawer = PDFRenderer()
        for positioned in page.items {
            switch positioned.item {
            case .link, .destination: continue
            default: drawer.draw(positioned, on: cr, fonts: cache.fonts, images: images, glyphs: glyphs, source: &source, destinations: [])
            }
        }
        cairo_surface_flush(surface)
        let status = cairo_status(cr)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PDFRenderer.RenderError(description: "cairo: " + String(cString: cairo_status_to_string(status)))
        }
        let sink = PNGSink()
        let written = cairo_surface_write_to_png_stream(surface, { closure, bytes, length in
            guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<PNGSink>.fromOpaque(closure).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        guard written == CAIRO_STATUS_SUCCESS else {
            throw PDFRenderer.RenderError(description: "cairo: " + String(cString: cairo_status_to_string(written)))
        }
        return Data(sink.bytes)
    }

    /// Collects cairo's PNG output.
    private final class PNGSink {
        var bytes: [UInt8] = []
    }
}

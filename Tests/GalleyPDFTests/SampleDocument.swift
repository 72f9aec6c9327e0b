import CCairoPango
import Foundation
import GalleyLayout

/// Draws a small PDF with cairo the way Galley's renderer does: content runs inside leaf tags, links tagged at the
/// end of their page outside any leaf tag, furniture untagged; and records the marks and annotations it made.
final class SampleDocument {
    /// The structure the drawing refers to.
    var structure: [StructureNode]
    /// For each page, the node of each MCID cairo gave (-1 for the MCIDs of link tags).
    private(set) var marks: [[Int32]] = []
    /// For each page, the node of each link annotation.
    private(set) var annotations: [[Int32]] = []

    private var bytes: [UInt8] = []
    private var surface: OpaquePointer!
    private var cr: OpaquePointer!
    private var pendingLinks: [(uri: String, rect: (Double, Double, Double, Double), node: Int32)] = []

    /// Starts a document of A5 pages for `structure`.
    init(structure: [StructureNode]) {
        self.structure = structure
        surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let document = Unmanaged<SampleDocument>.fromOpaque(closure).takeUnretainedValue()
            document.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(self).toOpaque(), 420, 595)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "cairo's title")
        cr = cairo_create(surface)
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, 10)
        marks.append([])
        annotations.append([])
    }

    /// Draws `string` at (x, y), inside a leaf tag for `node` (untagged furniture when nil).
    func text(_ string: String, x: Double, y: Double, node: Int32?) {
        tagged(node) {
            cairo_move_to(cr, x, y)
            cairo_show_text(cr, string)
        }
    }

    /// Draws a filled rectangle, inside a leaf tag for `node` (untagged when nil).
    func rule(x: Double, y: Double, width: Double, height: Double, node: Int32? = nil) {
        tagged(node) {
            cairo_rectangle(cr, x, y, width, height)
            cairo_fill(cr)
        }
    }

    /// Draws a small smoothly scaled image (cairo writes `/Interpolate true` for it), inside a tag for `node`.
    func image(x: Double, y: Double, node: Int32?) {
        tagged(node) {
            let image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 4, 4)!
            let painter = cairo_create(image)!
            cairo_set_source_rgb(painter, 0.8, 0.1, 0.1)
            cairo_paint(painter)
            cairo_destroy(painter)
            cairo_save(cr)
            cairo_translate(cr, x, y)
            cairo_scale(cr, 10, 10)
            cairo_set_source_surface(cr, image, 0, 0)
            cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
            cairo_paint(cr)
            cairo_restore(cr)
            cairo_set_source_rgb(cr, 0, 0, 0)
            cairo_surface_destroy(image)
        }
    }

    /// Adds a link over `rect` (x, y, width, height) to `uri` for the `Link` node `node`, tagged at the end of the page.
    func link(_ uri: String, rect: (Double, Double, Double, Double), node: Int32) {
        pendingLinks.append((uri, rect, node))
    }

    /// Ends the page and starts another.
    func newPage() {
        flushLinks()
        cairo_show_page(cr)
        marks.append([])
        annotations.append([])
    }

    /// Ends the document and returns its bytes.
    func finish() -> Data {
        flushLinks()
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
        return Data(bytes)
    }

    private func flushLinks() {
        for link in pendingLinks {
            let (x, y, width, height) = link.rect
            cairo_tag_begin(cr, CAIRO_TAG_LINK, "uri='\(link.uri)' rect=[\(x) \(y) \(width) \(height)]")
            cairo_tag_end(cr, CAIRO_TAG_LINK)
            // The empty link tag takes an MCID of its own, which no node has.
            marks[marks.count - 1].append(-1)
            annotations[annotations.count - 1].append(link.node)
        }
        pendingLinks = []
    }

    private func tagged(_ node: Int32?, _ draw: () -> Void) {
        guard let node else { return draw() }
        // Link text is drawn in a Span tag: cairo reserves the Link tag for annotations.
        let role = structure[Int(node)].role
        let tag = role == .link ? "Span" : role.rawValue
        cairo_tag_begin(cr, tag, "")
        draw()
        cairo_tag_end(cr, tag)
        marks[marks.count - 1].append(node)
    }
}

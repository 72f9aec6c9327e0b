import CCairoPango
import CDeflateLevel
import Foundation
import GalleyLayout
import GalleyPDF

/// Draws a finished document as PDF with cairo: a pure function of the pages.
///
/// Fonts are embedded as subsets, text stays copyable (glyphs carry their clusters), links and
/// named destinations become PDF annotations, and the outline becomes bookmarks. The output depends
/// only on the document, so the same layout always gives the same bytes.
public struct PDFRenderer: Sendable {
    /// Rendering failed inside cairo.
    public struct RenderError: Error, CustomStringConvertible {
        /// cairo's own words.
        public var description: String
    }

    /// The zlib level of the file's streams (1 fastest, 9 smallest).
    public var zlibLevel: Int32
    /// How a document with a structure is finished: the standard, the embedded source, the producer's name.
    public var finishing: PDFFinishOptions

    /// Creates a renderer compressing at `zlibLevel` (cairo's own default is 6), finishing tagged documents as
    /// `finishing` says.
    public init(zlibLevel: Int32 = 6, finishing: PDFFinishOptions = PDFFinishOptions()) {
        self.zlibLevel = zlibLevel
        self.finishing = finishing
    }

    /// The PDF file's bytes for `document`.
    public func render(_ document: PagedDocument) throws -> Data {
        try render(document, reusing: RenderCache())
    }

    /// The PDF file's bytes for `document`, with font faces and images looked up in `cache` (one per thread).
    ///
    /// Problems met while drawing images are dropped: call `renderReporting` to have them.
    public func render(_ document: PagedDocument, reusing cache: RenderCache) throws -> Data {
        try renderReporting(document, reusing: cache).data
    }

    /// The PDF file for `document` and every image problem met drawing it, with font faces and images looked up in
    /// `cache` (one per thread).
    public func renderReporting(_ document: PagedDocument, reusing cache: RenderCache) throws -> RenderedPDF {
        // cairo 1.16 has no compression setting; see CDeflateLevel for how its zlib streams get this level. A tagged
        // document is finished by GalleyPDF, which inflates every page's content to rewrite it and compresses it
        // again: cairo then writes its streams stored (level 0), and the finish compresses each stream once, at
        // this level, on as many threads as it is given.
        let tagged = !document.structure.isEmpty
        let previousLevel = galley_deflate_level_get()
        galley_deflate_level_set(tagged ? 0 : zlibLevel)
        defer { galley_deflate_level_set(previousLevel) }
        let sink = DataSink()
        let firstSize = document.pages.first?.size ?? Size(width: 595.28, height: 841.89)
        let unmanagedSink = Unmanaged.passUnretained(sink).toOpaque()
        guard let surface = cairo_pdf_surface_create_for_stream({ closure, bytes, length in
            guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<DataSink>.fromOpaque(closure).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, unmanagedSink, firstSize.width, firstSize.height) else {
            throw RenderError(description: "cairo could not create a PDF surface")
        }
        setMetadata(document.metadata, on: surface)
        let cr = cairo_create(surface)!
        GlyphDrawing.prepare(cr)
        let glyphs = GlyphDrawing()
        let fonts = cache.fonts
        let images = cache.images
        images.beginDocument()

        // The colour last set: text comes in long runs of one colour, and cairo makes a new pattern per call.
        var source: Color?
        // A link to a name no page defines is drawn as plain text, since it would lead nowhere; the outline, too,
        // only names destinations that exist.
        var destinations = Set<String>()
        for page in document.pages {
            for positioned in page.items {
                if case .destination(let name) = positioned.item { destinations.insert(name) }
            }
        }
        // cairo's errors are sticky and say nothing of their cause: the image being drawn when one arose is named.
        var failedImage: String?
        var marks: [[Int32]] = []
        var annotations: [[Int32]] = []
        for page in document.pages {
            cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
            var content = ContentMarker(cr: cr, structure: tagged ? document.structure : [])
            for positioned in page.items {
                switch positioned.item {
                case .link, .destination: continue
                case .glyphs, .rule, .image, .shape: content.enter(positioned.node)
                }
                var imageFine = false
                if case .image = positioned.item { imageFine = cairo_status(cr) == CAIRO_STATUS_SUCCESS }
                draw(positioned, on: cr, fonts: fonts, images: images, glyphs: glyphs, source: &source,
                     destinations: destinations)
                if imageFine, failedImage == nil, case .image(let image, _) = positioned.item, cairo_status(cr) != CAIRO_STATUS_SUCCESS {
                    failedImage = image.path
                }
            }
            content.enter(-1)
            marks.append(content.marks)
            // Links and destinations last, outside any marked content: cairo 1.16 marks only the content of a tag
            // that has no tag inside it, so a link begun inside a paragraph's tag would leave its text unmarked.
            var pageAnnotations: [Int32] = []
            for positioned in page.items {
                switch positioned.item {
                case .link(_, let url):
                    if url.hasPrefix("#"), !destinations.contains(String(url.dropFirst())) { continue }
                    pageAnnotations.append(positioned.node)
                case .destination: break
                case .glyphs, .rule, .image, .shape: continue
                }
                draw(positioned, on: cr, fonts: fonts, images: images, glyphs: glyphs, source: &source, destinations: destinations)
            }
            annotations.append(pageAnnotations)
            cairo_show_page(cr)
        }
        addOutline(document.outline.filter { destinations.contains($0.destination) }, to: surface)
        let drawStatus = cairo_status(cr)
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let surfaceStatus = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        for status in [drawStatus, surfaceStatus] where status != CAIRO_STATUS_SUCCESS {
            throw RenderError(description: "cairo: " + String(cString: cairo_status_to_string(status))
                + (failedImage.map { " (while drawing the image \($0))" } ?? ""))
        }
        guard tagged else { return RenderedPDF(data: Data(sink.bytes), imageProblems: images.problems) }
        // The structure tree, artifacts, language, metadata and the standard's requirements: see GalleyPDF.
        var options = finishing
        if options.producer == PDFFinishOptions().producer, !document.metadata.creator.isEmpty { options.producer = document.metadata.creator }
        if options.pageLabels.isEmpty { options.pageLabels = [PageLabelRange(firstPage: 0)] }
        // Content the finishing pass rewrites is compressed again at the layout's level, like cairo's.
        options.zlibLevel = zlibLevel
        let finished = try PDFFinisher.finish(Data(sink.bytes), structure: document.structure, marks: marks, annotations: annotations,
                                              metadata: document.metadata, options: options)
        return RenderedPDF(data: finished, imageProblems: images.problems, marks: marks, annotations: annotations)
    }

    /// Collects cairo's output, which arrives in many small writes (a byte array takes them faster than `Data`).
    private final class DataSink {
        var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(64 << 10) }
    }

    private func setMetadata(_ metadata: DocumentMetadata, on surface: OpaquePointer) {
        let fields: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, metadata.title), (CAIRO_PDF_METADATA_AUTHOR, metadata.author),
            (CAIRO_PDF_METADATA_SUBJECT, metadata.subject), (CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords),
            (CAIRO_PDF_METADATA_CREATOR, metadata.creator),
            // Dates come from the article, never the clock, so that renders are reproducible.
            (CAIRO_PDF_METADATA_CREATE_DATE, metadata.creationDate ?? "2000-01-01T00:00:00Z"),
            (CAIRO_PDF_METADATA_MOD_DATE, metadata.creationDate ?? "2000-01-01T00:00:00Z"),
        ]
        for (key, value) in fields where !value.isEmpty {
            cairo_pdf_surface_set_metadata(surface, key, value)
        }
    }

    /// Draws one item of a page; the page-image renderer draws with it too, so a thumbnail is the PDF's page exactly.
    func draw(_ positioned: PositionedItem, on cr: OpaquePointer, fonts: FontFaceCache, images: ImageDrawing,
              glyphs: GlyphDrawing, source: inout Color?, destinations: Set<String>) {
        func setSource(_ color: Color) {
            guard source != color else { return }
            cairo_set_source_rgb(cr, color.red, color.green, color.blue)
            source = color
        }
        let origin = positioned.origin
        switch positioned.item {
        case .glyphs(let run, let color):
            guard let face = fonts.face(for: run.face) else { return }
            setSource(color)
            glyphs.show(run, at: origin, on: cr, face: face)
        case .shape(let run, let color):
            guard let face = fonts.face(for: run.face) else { return }
            setSource(color)
            glyphs.fill(run, at: origin, on: cr, face: face)
        case .rule(let size, let color):
            setSource(color)
            cairo_rectangle(cr, origin.x, origin.y, size.width, size.height)
            cairo_fill(cr)
        case .link(let size, let url):
            if url.hasPrefix("#"), !destinations.contains(String(url.dropFirst())) { return }
            // "#name" points at a named destination inside the document; anything else is a URI.
            let target = url.hasPrefix("#") ? "dest='\(Self.escape(Self.pdfName(String(url.dropFirst()))))'" : "uri='\(Self.escape(Self.pdfURI(url)))'"
            let attributes = "\(target) rect=[\(origin.x) \(origin.y) \(size.width) \(size.height)]"
            cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes)
            cairo_tag_end(cr, CAIRO_TAG_LINK)
        case .destination(let name):
            cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='\(Self.escape(Self.pdfName(name)))' x=\(origin.x) y=\(origin.y)")
            cairo_tag_end(cr, CAIRO_TAG_DEST)
        case .image(let image, let size):
            images.draw(image, at: origin, size: size, on: cr)
        }
    }

    private func addOutline(_ outline: [OutlineEntry], to surface: OpaquePointer) {
        var parents: [(level: Int, id: Int32)] = []
        for entry in outline {
            while let last = parents.last, last.level >= entry.level { parents.removeLast() }
            let parent = parents.last?.id ?? Int32(CAIRO_PDF_OUTLINE_ROOT)
            let id = cairo_pdf_surface_add_outline(surface, parent, entry.title, "dest='\(Self.escape(Self.pdfName(entry.destination)))'",
                                                   CAIRO_PDF_OUTLINE_FLAG_OPEN)
            parents.append((entry.level, id))
        }
    }

    /// `url` as cairo 1.16 can write it: cairo puts a link's URI between parentheses in the PDF as it is, so a lone
    /// `(` or `)`, a backslash, a control character or a byte outside ASCII would end or corrupt the string and the
    /// whole file (a URL with one `)` in an article made a PDF no reader could open). Those bytes are percent-encoded,
    /// which is how a URI carries them anyway; `%` is kept, so a URL already encoded stays the same URL.
    static func pdfURI(_ url: String) -> String {
        percentEncoded(url, keepingPercent: true)
    }

    /// A destination name as cairo can write it: encoded like `pdfURI`, `%` included, so that two names stay two.
    static func pdfName(_ name: String) -> String {
        percentEncoded(name, keepingPercent: false)
    }

    private static func percentEncoded(_ text: String, keepingPercent: Bool) -> String {
        func safe(_ byte: UInt8) -> Bool {
            (0x21...0x7E).contains(byte) && byte != UInt8(ascii: "(") && byte != UInt8(ascii: ")") && byte != UInt8(ascii: "\\")
                && (keepingPercent || byte != UInt8(ascii: "%"))
        }
        // Most targets need nothing: no new string for them.
        guard !text.utf8.allSatisfy(safe) else { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if safe(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Escapes a value for cairo's tag attribute syntax (single-quoted strings).
    static func escape(_ value: String) -> String {
        // Most values (link targets, names) need no escaping; Foundation's replacing is costly per link.
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "'") }) else { return value }
        return value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
    }
}

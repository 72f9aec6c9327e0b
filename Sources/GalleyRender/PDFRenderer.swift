import CCairoPango
import CDeflateLevel
import Foundation
import GalleyLayout
import GalleyFiles
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
    /// A tagged document of at least this many pages (an issue) is drawn in two parts, side by side when the finish
    /// has two threads, and joined (`DrawingParts`); its bytes are the same whatever the threads. Nil: drawn whole.
    public var partsFromPageCount: Int?
    /// The page count from which an issue is drawn in parts: below it, the fonts each part embeds again cost more
    /// bytes than the second core saves time (a 19-page issue: +24 % for 25 ms).
    public static let issuePartsFromPageCount = 40
    /// Run on each thread other than the caller's that draws a part, before it draws; what it returns is kept until
    /// the part is drawn. It must make the thread draw as the caller's would: librsvg sets SVG text with the thread's
    /// default Pango font map. Without it, a document with SVG images draws its parts on the caller's thread.
    public var threadSetup: (@Sendable () throws -> AnyObject)?

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
        let tagged = !document.structure.isEmpty
        // A link to a name no page defines is drawn as plain text, since it would lead nowhere; the outline, too,
        // only names destinations that exist.
        var destinations = Set<String>()
        for page in document.pages {
            for positioned in page.items {
                if case .destination(let name) = positioned.item { destinations.insert(name) }
            }
        }
        let outline = document.outline.filter { destinations.contains($0.destination) }
        let ranges = tagged ? DrawingParts.ranges(of: document, from: partsFromPageCount) : [0..<document.pages.count]
        if ranges.count > 1 {
            do {
                return try renderInParts(document, ranges: ranges, destinations: destinations, outline: outline, reusing: cache)
            } catch PDFFinishError.unjoinable {
                // Parts Galley's store cannot join (never seen: cairo writes one shape of file) are drawn again whole.
            }
        }
        let part = try drawPart(document, pages: 0..<document.pages.count, tagged: tagged, destinations: destinations,
                                outline: outline, joined: false, cache: cache)
        guard tagged else { return RenderedPDF(data: Data(part.bytes), imageProblems: part.imageProblems) }
        let finished = try PDFFinisher.finish(Data(part.bytes), structure: document.structure, marks: part.marks,
                                              annotations: part.annotations, metadata: document.metadata,
                                              options: finishOptions(document), text: part.text)
        return RenderedPDF(data: finished, imageProblems: part.imageProblems, marks: part.marks, annotations: part.annotations)
    }

    /// The finish's options for `document`: the layout's, with the producer, page labels and zlib level filled in.
    private func finishOptions(_ document: PagedDocument) -> PDFFinishOptions {
        // The structure tree, artifacts, language, metadata and the standard's requirements: see GalleyPDF.
        var options = finishing
        if options.producer == PDFFinishOptions().producer, !document.metadata.creator.isEmpty { options.producer = document.metadata.creator }
        if options.pageLabels.isEmpty { options.pageLabels = [PageLabelRange(firstPage: 0)] }
        // Content the finishing pass rewrites is compressed again at the layout's level, like cairo's.
        options.zlibLevel = zlibLevel
        return options
    }

    /// Draws the parts `ranges` of `document`, side by side when the finish may use more than one thread, each part's
    /// own share of the finish done by the thread that drew it, and joins and finishes them as one file.
    ///
    /// Each part is a document of its own to cairo, so a link may point into another part: every link within the
    /// document, and every outline entry, is drawn as a URI that the join turns into the named destination (see
    /// `PDFFinisher.finish(prepared:…)`).
    private func renderInParts(_ document: PagedDocument, ranges: [Range<Int>], destinations: Set<String>,
                               outline: [OutlineEntry], reusing cache: RenderCache) throws -> RenderedPDF {
        // librsvg sets SVG text with the fonts of the thread that draws, which the caller gave its own thread: a
        // document with SVG images draws its parts there, one after the other (the same bytes, one core), unless
        // `threadSetup` gives other threads the same fonts.
        let hasSVG = document.pages.contains { page in
            page.items.contains { if case .image(let image, _) = $0.item { image.format == .svg } else { false } }
        }
        let threads = hasSVG && threadSetup == nil ? 1 : min(finishing.threads, ranges.count)
        let options = finishOptions(document)
        let drawn: [DrawnPart]
        if threads <= 1 {
            drawn = try ranges.enumerated().map { index, range in
                try drawAndPrepare(document, pages: range, destinations: destinations, outline: index == 0 ? outline : [], options: options,
                                   cache: cache)
            }
        } else {
            // The caller draws the first part with its own cache and fonts; one thread of its own draws the others,
            // with a cache of its own (caches are not shared between threads; only lookups are cached, so the bytes
            // are the same) and the fonts `threadSetup` gives it. Each thread then does its part's share of the finish,
            // so the one that is done first works on while the other draws.
            let results = Locked([Result<DrawnPart, any Error>?](repeating: nil, count: ranges.count))
            let handoff = CacheHandoff(RenderCache(limits: cache.limits))
            let renderer = self
            let done = DispatchSemaphore(value: 0)
            let helper = Thread {
                defer { done.signal() }
                // What the setup made (the thread's font map) lives until the thread has drawn its parts.
                let setup = Result { try renderer.threadSetup?() }
                withExtendedLifetime(setup) {
                    for index in ranges.indices.dropFirst() {
                        let result = Result {
                            _ = try setup.get()
                            return try renderer.drawAndPrepare(document, pages: ranges[index], destinations: destinations, outline: [],
                                                               options: options, cache: handoff.cache)
                        }
                        results.withLock { $0[index] = result }
                    }
                }
            }
            // Drawing recurses no deeper than the caller's, but give it the main thread's usual stack all the same.
            helper.stackSize = 8 << 20
            helper.name = "galley-draw-part"
            helper.start()
            let first = Result {
                try drawAndPrepare(document, pages: ranges[0], destinations: destinations, outline: outline, options: options, cache: cache)
            }
            done.wait()
            results.withLock { $0[0] = first }
            drawn = try results.withLock { $0 }.map { try $0!.get() }
        }
        let marks = drawn.flatMap(\.marks)
        let annotations = drawn.flatMap(\.annotations)
        let finished = try PDFFinisher.finish(prepared: drawn.compactMap(\.prepared), internalLinks: drawn.flatMap(\.internalLinks),
                                              outline: outline.map { Self.pdfName($0.destination) }, structure: document.structure, marks: marks,
                                              annotations: annotations, metadata: document.metadata, options: options)
        // A problem two parts met with the same image is reported once, as one document's would be.
        var problems: [ImageProblem] = []
        for problem in drawn.flatMap(\.imageProblems) where !problems.contains(problem) { problems.append(problem) }
        // The parts' object stores are freed on the other core while the caller writes the file (or kept until the
        // exit, by a command that ends its process).
        BackgroundRelease.release(consume drawn)
        return RenderedPDF(data: finished, imageProblems: problems, marks: marks, annotations: annotations)
    }

    /// Draws the part `pages` of `document` as a cairo PDF of its own and does its share of the finish
    /// (`PDFFinisher.prepare`) on the same thread; the part keeps its file only in Galley's store.
    private func drawAndPrepare(_ document: PagedDocument, pages: Range<Int>, destinations: Set<String>, outline: [OutlineEntry],
                                options: PDFFinishOptions, cache: RenderCache) throws -> DrawnPart {
        var part = try drawPart(document, pages: pages, tagged: true, destinations: destinations, outline: outline, joined: true, cache: cache)
        // One thread per part: the other part is drawing on the other core. Given two, the two parts' preparations
        // ran on four threads beside the drawing and the issue took longer (the results are the same either way).
        var own = options
        own.threads = 1
        part.prepared = try PDFFinisher.prepare(part: Data(part.bytes), structure: document.structure, marks: part.marks, options: own,
                                                text: part.text)
        part.bytes = []
        return part
    }

    /// Draws the pages `pages` of `document` as one cairo PDF, with `outline` as its bookmarks.
    ///
    /// A part to be `joined` with others draws its links within the document and its outline as URIs of the form
    /// `#name`, since cairo cannot point at a page of another part, and lists them in `internalLinks`.
    func drawPart(_ document: PagedDocument, pages: Range<Int>, tagged: Bool, destinations: Set<String>, outline: [OutlineEntry],
                  joined: Bool, cache: RenderCache) throws -> DrawnPart {
        // cairo 1.16 has no compression setting; see CDeflateLevel for how its zlib streams get this level, which is
        // the drawing thread's. A tagged document is finished by GalleyPDF, which inflates every page's content to
        // rewrite it and compresses it again: cairo then writes its streams stored (level 0), and the finish
        // compresses each stream once, at this level, on as many threads as it is given.
        let previousLevel = galley_deflate_level_get()
        galley_deflate_level_set(tagged ? 0 : zlibLevel)
        defer { galley_deflate_level_set(previousLevel) }
        let sink = DataSink()
        let firstSize = pages.first.map { document.pages[$0].size } ?? Size(width: 595.28, height: 841.89)
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
        fonts.clearUnopened()
        let images = cache.images
        images.beginDocument()

        // The colour last set: text comes in long runs of one colour, and cairo makes a new pattern per call.
        var source: Color?
        // cairo's errors are sticky and say nothing of their cause: the image being drawn when one arose is named.
        var failedImage: String?
        var part = DrawnPart()
        // A tagged document's text is written by Galley (see TextOperatorWriter), and what cairo draws (shapes, images,
        // runs in faces Galley does not embed) is marked only when it is drawn.
        let writer = tagged ? TextOperatorWriter(structure: document.structure) : nil
        for page in document.pages[pages] {
            cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
            writer?.beginPage(height: page.size.height)
            var content = ContentMarker(cr: cr, structure: tagged ? document.structure : [])
            for positioned in page.items {
                if let writer, case .glyphs(let run, let color) = positioned.item, let face = TextFaces.shared.face(for: run.face) {
                    if let shown = GlyphDrawing.shownText(run, at: positioned.origin, carrier: { face.carrier.map(UInt.init) }) {
                        writer.show(shown, face: face, size: run.size, horizontalScale: run.horizontalScale, fill: color, node: positioned.node)
                    }
                    continue
                }
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
            // Links and destinations last, outside any marked content: cairo 1.16 marks only the content of a tag
            // that has no tag inside it, so a link begun inside a paragraph's tag would leave its text unmarked.
            var pageAnnotations: [Int32] = []
            var pageLinks: [String?] = []
            for positioned in page.items {
                switch positioned.item {
                case .link(_, let url):
                    let name = url.hasPrefix("#") ? String(url.dropFirst()) : nil
                    if let name, !destinations.contains(name) { continue }
                    pageAnnotations.append(positioned.node)
                    pageLinks.append(name.map(Self.pdfName))
                case .destination: break
                case .glyphs, .rule, .image, .shape: continue
                }
                draw(positioned, on: cr, fonts: fonts, images: images, glyphs: glyphs, source: &source, destinations: destinations,
                     linksAsURIs: joined)
            }
            part.annotations.append(pageAnnotations)
            part.internalLinks.append(pageLinks)
            // cairo numbers a page's marked content in the order its tags begin, and a link's tag takes a number too
            // (an empty sequence, which the finish unwraps). Galley's text follows, numbered after all of them.
            var marks = content.marks + [Int32](repeating: -1, count: pageAnnotations.count)
            if let writer { marks += writer.endPage(firstMCID: marks.count) }
            part.marks.append(marks)
            cairo_show_page(cr)
        }
        addOutline(outline, to: surface, asURIs: joined)
        let drawStatus = cairo_status(cr)
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let surfaceStatus = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        for status in [drawStatus, surfaceStatus] where status != CAIRO_STATUS_SUCCESS {
            throw RenderError(description: "cairo: " + String(cString: cairo_status_to_string(status))
                + (failedImage.map { " (while drawing the image \($0))" } ?? ""))
        }
        // Fonts are opened when first drawn with, not when the fonts are listed: a file that fontconfig could read
        // and FreeType now cannot (changed or truncated since) would otherwise leave its text out without a word.
        if let face = fonts.unopened.first {
            throw RenderError(description: "FreeType cannot open face \(face.index) of the font file \(face.file): the text set in it cannot be drawn")
        }
        part.bytes = sink.bytes
        part.text = writer?.finish()
        part.imageProblems = images.problems
        return part
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
              glyphs: GlyphDrawing, source: inout Color?, destinations: Set<String>, linksAsURIs: Bool = false) {
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
            // "#name" points at a named destination inside the document; anything else is a URI. A part of a
            // document joined later writes "#name" as a URI too, which the join makes a destination again.
            let target = url.hasPrefix("#") && !linksAsURIs ? "dest='\(Self.escape(Self.pdfName(String(url.dropFirst()))))'" : "uri='\(Self.escape(Self.pdfURI(url)))'"
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

    /// Adds `outline` as the file's bookmarks, each leading to its destination, or for a part to be joined to a URI
    /// `#name` that the join points at the destination.
    private func addOutline(_ outline: [OutlineEntry], to surface: OpaquePointer, asURIs: Bool) {
        var parents: [(level: Int, id: Int32)] = []
        for entry in outline {
            while let last = parents.last, last.level >= entry.level { parents.removeLast() }
            let parent = parents.last?.id ?? Int32(CAIRO_PDF_OUTLINE_ROOT)
            let target = asURIs ? "uri='\(Self.escape(Self.pdfURI("#" + entry.destination)))'" : "dest='\(Self.escape(Self.pdfName(entry.destination)))'"
            let id = cairo_pdf_surface_add_outline(surface, parent, entry.title, target,
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

/// Hands a render cache to the thread that draws with it; only that thread uses it from then on.
private final class CacheHandoff: @unchecked Sendable {
    let cache: RenderCache

    init(_ cache: RenderCache) { self.cache = cache }
}

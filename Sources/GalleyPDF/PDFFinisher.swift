import Foundation
import GalleyLayout

/// Turns cairo's PDF into the PDF Galley delivers: tagged, with its structure tree, artifacts, XMP metadata and
/// document language, and conforming to PDF/UA-1, PDF/A-2b or PDF/A-3b on request.
///
/// cairo 1.16 marks content (`BDC`/`EMC` with MCIDs) but writes a structure tree of leaf tags only, no artifacts,
/// no `/Alt` or `/Lang`, no XMP. This pass keeps cairo's marks and rebuilds everything else: each page's content
/// is rewritten (`ContentRewriter`), the structure tree replaced (`StructurePlan`, `StructureTreeWriter`), the
/// catalog, information dictionary and annotations completed, and what a standard asks for added
/// (`ArchivalRequirements`). The result depends only on the inputs: the same call gives the same bytes.
public enum PDFFinisher {
    /// Which object store finishes a file.
    enum Backend {
        /// `NativePDF` when it can read the file (cairo's), qpdf otherwise.
        case automatic
        /// qpdf, whatever the file.
        case qpdf
    }

    /// Finishes `pdf`, where `marks[page][mcid]` names the structure node of each marked-content id cairo gave (a
    /// negative node for none) and `annotations[page][i]` the `Link` node of the page's i-th annotation; `text` is
    /// the text Galley wrote itself, which follows each page's content, and whose fonts are embedded here.
    public static func finish(_ pdf: Data, structure: [StructureNode], marks: [[Int32]], annotations: [[Int32]],
                              metadata: DocumentMetadata, options: PDFFinishOptions, text: PartText? = nil) throws -> Data {
        try finish(pdf, structure: structure, marks: marks, annotations: annotations, metadata: metadata, options: options, text: text,
                   backend: .automatic)
    }

    /// Reads `part`, one file of consecutive pages of a document cairo drew in parts, into Galley's store and does
    /// the finish's work that concerns its pages alone: its CFF font programs subset again, its pages' content
    /// rewritten, where `marks[page][mcid]` is numbered within the part, with the part's own `text` after cairo's
    /// content, and the streams cairo stored compressed.
    ///
    /// Called on the thread that drew the part, as soon as it has: a part that is done before the other gets on with
    /// its share of the finish instead of waiting. Every result is the same on any thread and in any order, so the
    /// joined file is the same bytes whether the parts were drawn side by side or one after the other.
    /// Throws `PDFFinishError.unjoinable` when the part is not a file Galley's own store reads (only cairo's are), so
    /// that the caller can draw the document whole instead.
    public static func prepare(part: Data, structure: [StructureNode], marks: [[Int32]], options: PDFFinishOptions,
                               text: PartText? = nil) throws -> PDFPreparedPart {
        let native = try joining { try NativePDF(part) }
        native.zlibLevel = options.zlibLevel
        native.threads = options.threads
        try native.compactFontPrograms()
        let kept = try rewriteContents(of: native, structure: structure, marks: marks, text: text, threads: options.threads)
        try NativePDFWriter(document: native).compressReachableStoredStreams()
        return PDFPreparedPart(native: native, keptMCIDs: kept, text: text)
    }

    /// Finishes a document cairo drew as `parts` (each made ready by `prepare`), files of consecutive pages: joins
    /// them into one file, points the links `internalLinks[page][i]` names and the bookmarks `outline` names (drawn
    /// as `#name` URIs, since a part's link may lead into another part) at their named destinations, then finishes
    /// the file as `finish` does.
    ///
    /// Throws `PDFFinishError.unjoinable` when the parts cannot be joined, so that the caller can draw the document
    /// whole instead.
    public static func finish(prepared parts: [PDFPreparedPart], internalLinks: [[String?]], outline: [String], structure: [StructureNode],
                              marks: [[Int32]], annotations: [[Int32]], metadata: DocumentMetadata, options: PDFFinishOptions) throws -> Data {
        let joined = try joining {
            guard let first = parts.first else { throw NativePDF.Unsupported(reason: "there are no parts") }
            for part in parts.dropFirst() { try first.native.appendPages(of: part.native) }
            try first.native.pointLinks(internalLinks, outline: outline)
            return first.native
        }
        joined.zlibLevel = options.zlibLevel
        joined.threads = options.threads
        // One program per face for the whole document, whatever part showed which glyphs.
        var texts: [(firstPage: Int, text: PartText)] = []
        var firstPage = 0
        for part in parts {
            if let text = part.text { texts.append((firstPage, text)) }
            firstPage += part.keptMCIDs.count
        }
        try TextFontEmbedder(document: joined).embed(texts, threads: options.threads)
        return try complete(joined, keptMCIDs: parts.flatMap(\.keptMCIDs), structure: structure, marks: marks, annotations: annotations,
                            metadata: metadata, options: options)
    }

    /// `body`'s result, with any error it throws (the native store's, as a rule) turned into
    /// `PDFFinishError.unjoinable`, which makes the caller draw the document whole.
    private static func joining<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let unsupported as NativePDF.Unsupported {
            throw PDFFinishError.unjoinable(unsupported.reason)
        } catch {
            throw PDFFinishError.unjoinable("\(error)")
        }
    }

    /// Finishes `pdf` with the object store `backend` chooses.
    static func finish(_ pdf: Data, structure: [StructureNode], marks: [[Int32]], annotations: [[Int32]],
                       metadata: DocumentMetadata, options: PDFFinishOptions, text: PartText? = nil, backend: Backend) throws -> Data {
        // A file NativePDF does not know (not one cairo wrote) goes to qpdf, which reads anything a PDF can be.
        if backend == .automatic, let native = try? NativePDF(pdf) {
            return try finish(native: native, structure: structure, marks: marks, annotations: annotations, metadata: metadata, options: options,
                              text: text)
        }
        let document = try QPDFDocument(pdf, description: "the PDF to finish")
        return try finish(document, structure: structure, marks: marks, annotations: annotations, metadata: metadata, options: options, text: text)
    }

    /// Finishes a file of Galley's own store: compressed at the options' level on their threads, its CFF font
    /// programs subset again (only this store can put a program in place of cairo's).
    private static func finish(native: NativePDF, structure: [StructureNode], marks: [[Int32]], annotations: [[Int32]],
                               metadata: DocumentMetadata, options: PDFFinishOptions, text: PartText?) throws -> Data {
        native.zlibLevel = options.zlibLevel
        native.threads = options.threads
        try native.compactFontPrograms()
        return try finish(native, structure: structure, marks: marks, annotations: annotations, metadata: metadata, options: options, text: text)
    }

    private static func finish<Store: PDFObjectStore>(_ document: Store, structure: [StructureNode], marks: [[Int32]], annotations: [[Int32]],
                                                     metadata: DocumentMetadata, options: PDFFinishOptions, text: PartText?) throws -> Data {
        if let text { try TextFontEmbedder(document: document).embed([(0, text)], threads: options.threads) }
        let keptMCIDs = try rewriteContents(of: document, structure: structure, marks: marks, text: text, threads: options.threads)
        return try complete(document, keptMCIDs: keptMCIDs, structure: structure, marks: marks, annotations: annotations,
                            metadata: metadata, options: options)
    }

    /// Rewrites every page's content (`ContentRewriter`), the page's `text` after cairo's, and returns, for each page,
    /// the marked-content ids it kept.
    private static func rewriteContents<Store: PDFObjectStore>(of document: Store, structure: [StructureNode], marks: [[Int32]],
                                                              text: PartText?, threads: Int) throws -> [[Int32]] {
        let roleNames = structure.map { Array($0.role.rawValue.utf8) }
        // Pages are rewritten (and compressed) independently: on as many threads as the options allow.
        let results = try document.rewritePageContents(threads: threads) { index, bytes in
            let rewriter = ContentRewriter(marks: index < marks.count ? marks[index] : [], roleNames: roleNames)
            let result = if let combined = text?.content(ofPage: index, after: bytes) {
                combined.withUnsafeBufferPointer { rewriter.rewrite($0) }
            } else {
                rewriter.rewrite(bytes)
            }
            return (result.bytes, (result.mcids, result.repeated.first))
        }
        // Galley's text must keep every marked-content id it was given: an id cairo had used already would make the
        // rewrite unwrap the text as a repeat, and the text would read as an artifact.
        if text != nil, let page = results.firstIndex(where: { $0.1 != nil }) {
            throw PDFFinishError.invalidStructure("marked-content id \(results[page].1!) is used twice on page \(page + 1): "
                + "Galley's text would lose its element")
        }
        return results.map(\.0)
    }

    /// Completes a document whose pages' content has been rewritten, keeping `keptMCIDs[page]`: its structure tree,
    /// annotations, catalog and what the standard asks for; returns the file's bytes.
    private static func complete<Store: PDFObjectStore>(_ document: Store, keptMCIDs: [[Int32]], structure: [StructureNode], marks: [[Int32]],
                                                       annotations: [[Int32]], metadata: DocumentMetadata, options: PDFFinishOptions) throws -> Data {
        let pageCount = document.pageCount
        guard keptMCIDs.count == pageCount else { throw PDFFinishError.unjoinable("content was rewritten for \(keptMCIDs.count) pages of \(pageCount)") }
        var pages: [Store.Handle] = []
        var content: [[(mcid: Int32, node: Int32)]] = []
        var annotationHandles: [[Store.Handle]] = []
        var annotationNodes: [[Int32]] = []
        pages.reserveCapacity(pageCount)
        for index in 0..<pageCount {
            let page = document.page(index)
            pages.append(page)
            let pageMarks = index < marks.count ? marks[index] : []
            content.append(keptMCIDs[index].map { ($0, pageMarks[Int($0)]) })
            let annots = document.items(document.get(page, "/Annots"))
            annotationHandles.append(annots)
            let nodes = index < annotations.count ? annotations[index] : []
            annotationNodes.append(annots.indices.map { $0 < nodes.count ? nodes[$0] : -1 })
        }
        try document.check()

        let plan = try StructurePlan(nodes: structure, content: content, annotations: annotationNodes)
        let writer = StructureTreeWriter(document: document, nodes: structure, plan: plan, pages: pages, annotations: annotationHandles)
        let root = document.root
        document.set(root, "/StructTreeRoot", writer.write(content: content, annotationNodes: annotationNodes))
        try document.check()
        AnnotationFinisher(document: document, nodes: structure).finish(pages: pages, annotations: annotationHandles,
                                                                       nodesOfAnnotations: annotationNodes)

        let date = metadata.creationDate.flatMap(PDFDate.init(iso8601:))
        CatalogFinisher(document: document).finish(root: root, metadata: metadata, producer: options.producer, date: date,
                                                    standard: options.standard, pageLabels: options.pageLabels, pageCount: pageCount)
        if options.standard.archivalPart != nil {
            try ArchivalRequirements(document: document).apply(options: options, date: date)
        }
        try document.check()
        return try document.write()
    }
}

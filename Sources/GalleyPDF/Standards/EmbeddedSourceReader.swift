import CQPDF
import Foundation

/// Reads back the source file a PDF carries (`galley extract`): the first associated file whose relationship is
/// `/Source`, looked for in the catalog's `/AF` and then in the `/EmbeddedFiles` name tree.
public enum EmbeddedSourceReader {
    /// Why no source could be read.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The file is a PDF but carries no source file.
        case noSource(file: String)
        /// The file is not a PDF qpdf can read, or its embedded file cannot be decoded.
        case unreadable(file: String, reason: String)

        /// The failure in one sentence.
        public var description: String {
            switch self {
            case .noSource(let file): "\(file) has no embedded source article"
            case .unreadable(let file, let reason): "\(file) cannot be read as a PDF with an embedded source: \(reason)"
            }
        }
    }

    /// The first embedded source of `pdf`, whose name in messages is `file`.
    public static func source(in pdf: Data, file: String = "the PDF") throws -> EmbeddedSource {
        try sources(in: pdf, file: file)[0]
    }

    /// Every embedded source of `pdf` (an issue carries one per article), in the order of its `/AF`; throws
    /// `noSource` when there is none.
    public static func sources(in pdf: Data, file: String = "the PDF") throws -> [EmbeddedSource] {
        let document: QPDFDocument
        do {
            document = try QPDFDocument(pdf, description: file)
        } catch let error as PDFFinishError {
            throw Failure.unreadable(file: file, reason: error.description)
        }
        let root = document.root
        var candidates = document.items(document.get(root, "/AF"))
        let names = document.get(document.get(root, "/Names"), "/EmbeddedFiles")
        collect(names, from: document, into: &candidates, depth: 0)
        var found: [EmbeddedSource] = []
        for specification in candidates where document.isName(document.get(specification, "/AFRelationship"), "/Source") {
            let files = document.get(specification, "/EF")
            let stream = document.has(files, "/UF") ? document.get(files, "/UF") : document.get(files, "/F")
            guard document.isStream(stream) else { continue }
            let data: Data
            do {
                data = try document.streamData(stream, level: qpdf_dl_specialized)
            } catch let error as PDFFinishError {
                throw Failure.unreadable(file: file, reason: error.description)
            }
            if document.has(stream, "/Filter"), !isDecoded(stream, in: document) {
                throw Failure.unreadable(file: file, reason: "the embedded file's filter is not one qpdf decodes")
            }
            let fileName = document.text(of: document.get(specification, "/UF")) ?? document.text(of: document.get(specification, "/F")) ?? "source"
            let mimeType = document.name(of: document.get(stream, "/Subtype")).map { String($0.dropFirst()) } ?? "application/octet-stream"
            let description = document.text(of: document.get(specification, "/Desc")) ?? ""
            // The catalog's /AF and the name tree list the same files: each is taken once.
            guard !found.contains(where: { $0.fileName == fileName }) else { continue }
            found.append(EmbeddedSource(fileName: fileName, mimeType: mimeType, data: data, description: description))
        }
        guard !found.isEmpty else { throw Failure.noSource(file: file) }
        return found
    }

    /// Adds the file specifications of the name tree `node` (its `/Names` values and its `/Kids`) to `list`.
    private static func collect(_ node: qpdf_oh, from document: QPDFDocument, into list: inout [qpdf_oh], depth: Int) {
        guard depth < 32, document.isDictionary(node) else { return }
        let names = document.items(document.get(node, "/Names"))
        for index in stride(from: 1, to: names.count, by: 2) { list.append(names[index]) }
        for kid in document.items(document.get(node, "/Kids")) { collect(kid, from: document, into: &list, depth: depth + 1) }
    }

    /// Whether qpdf can undo every filter of `stream` without loss.
    private static func isDecoded(_ stream: qpdf_oh, in document: QPDFDocument) -> Bool {
        var filtered: Int32 = 0
        _ = qpdf_oh_get_stream_data(document.handle, stream, qpdf_dl_specialized, &filtered, nil, nil)
        return filtered != 0
    }
}

import CLibXML2
import Foundation
import GalleyDiagnostics
import GalleyFiles

/// Initialises libxml2 once per process before any thread uses it, as libxml2 requires.
private let libxml2Ready: Bool = {
    xmlInitParser()
    return true
}()

/// A parsed HTML or XML document owned by Swift: freed when the last reference goes.
final class LibXMLDocument {
    /// The libxml2 document.
    let document: xmlDocPtr

    private init(_ document: xmlDocPtr) {
        self.document = document
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// The top element (`<html>`, `<rss>`), if the document has one.
    var root: xmlNodePtr? { xmlDocGetRootElement(document) }

    /// Parses `text` as HTML, forgiving anything a browser would forgive; nil only when there is nothing to parse.
    static func html(_ text: String) -> LibXMLDocument? {
        _ = libxml2Ready
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        // HUGE lifts the 256-level depth limit, past which libxml2 silently drops the rest of the page;
        // the converters flatten deep nesting themselves. The HTML parser expands no entities, so nothing else grows.
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue) | Int32(XML_PARSE_HUGE.rawValue)
        let count = Int32(bytes.count)
        let document = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { htmlReadMemory($0, count, nil, "UTF-8", options) }
            }
        }
        return document.map(LibXMLDocument.init)
    }

    /// Parses `data` as well-formed XML; throws a `Diagnostic` with libxml2's message and line when it is not, or
    /// when its entity references would expand past `limits` (checked before any text is read).
    static func xml(_ data: Data, file: String, limits: Limits) throws -> LibXMLDocument {
        _ = libxml2Ready
        guard data.count < Int(Int32.max) else { throw Diagnostic(file: file, message: "the file is too large to read") }
        guard let context = xmlNewParserCtxt() else { throw Diagnostic(file: file, message: "out of memory while reading") }
        defer { xmlFreeParserCtxt(context) }
        // libxml2 goes on after a fatal error and keeps only the last one; the first is the real cause.
        let first = FirstError()
        context.pointee._private = Unmanaged.passUnretained(first).toOpaque()
        context.pointee.sax.pointee.serror = { userData, error in
            guard let error, error.pointee.level == XML_ERR_FATAL || error.pointee.level == XML_ERR_ERROR,
                  let owner = userData?.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return }
            let first = Unmanaged<FirstError>.fromOpaque(owner).takeUnretainedValue()
            guard first.message == nil else { return }
            first.line = Int(error.pointee.line)
            first.message = error.pointee.message.map { String(cString: $0) } ?? "malformed XML"
            first.isEntityLoop = error.pointee.code == Int32(XML_ERR_ENTITY_LOOP.rawValue)
        }
        // No RECOVER: a broken export should be reported where it breaks, not read half-way.
        // No NOENT: references stay nodes, so the parse does not grow with them (EntityBudget counts what they would).
        // No HUGE: libxml2's own caps on depth (256) and on nested entity amplification stay on.
        // BIG_LINES: exports run to hundreds of thousands of lines, past the 16-bit line field.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)
        let count = Int32(data.count)
        let document = withExtendedLifetime(first) {
            data.withUnsafeBytes { raw in
                raw.baseAddress.flatMap { base in
                    xmlCtxtReadMemory(context, base.assumingMemoryBound(to: CChar.self), count, nil, "UTF-8", options)
                }
            }
        }
        let error = context.pointee.lastError
        guard let document, context.pointee.wellFormed != 0, first.message == nil else {
            if let document { xmlFreeDoc(document) }
            let message = (first.message ?? error.message.map { String(cString: $0) } ?? "malformed XML")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let line = first.line ?? Int(error.line)
            if first.isEntityLoop {
                // libxml2 says "loop" both for a real loop and for nested entities that multiply (billion laughs).
                throw Diagnostic(file: file, line: line > 0 ? line : nil,
                                 message: "entity references refer to each other in a loop or multiply without bound (the entity-expansions limit)")
            }
            throw Diagnostic(file: file, line: line > 0 ? line : nil, message: "invalid XML: \(message)")
        }
        let parsed = LibXMLDocument(document)
        try EntityBudget.check(document, limits: limits, file: file)
        return parsed
    }
}

/// The first error libxml2 reports while parsing, kept because its context remembers only the last.
private final class FirstError {
    var line: Int?
    var message: String?
    var isEntityLoop = false
}

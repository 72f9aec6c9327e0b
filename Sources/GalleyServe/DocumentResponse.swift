import Foundation
import GalleyExport
import HTTPTypes
import Hummingbird

/// A made document as an HTTP answer: the PDF (or page image), named as the CMS names it, with its page count, size
/// label and warnings in headers, and its content hash as the entity tag.
struct DocumentResponse {
    /// At most this many warnings travel as headers; the rest are counted.
    static let warningHeaders = 20

    /// The answer for `result`: its PDF, or its page image when `image` is true; 304 when `ifNoneMatch` names it.
    static func make(_ result: DocumentFacts, body: Data, image: Bool, ifNoneMatch: String?) -> Response {
        var headers = HTTPFields()
        let tag = "\"\(result.contentHash)\(image ? "-png" : "")\""
        headers[.eTag] = tag
        headers[.cacheControl] = "no-cache"
        if let ifNoneMatch, Self.matches(ifNoneMatch, tag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = image ? "image/png" : "application/pdf"
        let name = image ? (result.fileName as NSString).deletingPathExtension + ".png" : result.fileName
        headers[.contentDisposition] = (image ? "inline" : "attachment") + "; filename=\"\(name)\""
        headers[HTTPField.Name("X-Galley-Pages")!] = String(result.pages)
        headers[HTTPField.Name("X-Galley-Size-Label")!] = Self.headerValue(result.label)
        headers[HTTPField.Name("X-Galley-Cached")!] = result.cached ? "yes" : "no"
        headers[HTTPField.Name("X-Galley-Warnings")!] = String(result.warnings.count)
        for warning in result.warnings.prefix(warningHeaders) {
            headers.append(HTTPField(name: HTTPField.Name("X-Galley-Warning")!, value: Self.headerValue(warning)))
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// Whether an If-None-Match list names `tag` (or is `*`).
    static func matches(_ header: String, _ tag: String) -> Bool {
        header.split(separator: ",").contains { item in
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            return trimmed == "*" || trimmed == tag || trimmed == "W/" + tag
        }
    }

    /// A header value: printable ASCII as it is, anything else percent-encoded as UTF-8 (labels such as `PDF - 906,7 Кб`).
    static func headerValue(_ text: String) -> String {
        var value = ""
        for byte in text.utf8.prefix(2000) {
            if (0x20...0x7E).contains(byte) && byte != UInt8(ascii: "%") {
                value.unicodeScalars.append(UnicodeScalar(byte))
            } else {
                value += String(format: "%%%02X", byte)
            }
        }
        return value
    }
}

/// What an answer says about a document, without its bytes (kept in memory for repeated requests).
struct DocumentFacts: Sendable {
    var title: String
    var fileName: String
    var pages: Int
    var label: String
    var contentHash: String
    var warnings: [String]
    var cached: Bool

    init(_ result: DocumentResult) {
        title = result.title
        fileName = result.fileName
        pages = result.pages
        label = result.label
        contentHash = result.contentHash
        warnings = result.warnings
        cached = result.cached
    }
}

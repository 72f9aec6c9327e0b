import GalleyExport
import Hummingbird

/// Which of Galley's readers a posted body goes to: `?from=` when given, else its Content-Type.
enum ArticleFormat {
    /// Media types and the format each selects; JSON is Galley's own or a WordPress REST post, told by its shape.
    static let mediaTypes: [String: String?] = [
        "application/json": nil, "text/json": nil,
        "text/markdown": "markdown", "text/x-markdown": "markdown",
        "text/html": "html", "application/xhtml+xml": "html",
        "application/xml": "wxr", "text/xml": "wxr", "application/rss+xml": "wxr",
    ]

    /// The `--from` name for `request`'s body (nil: JSON by shape), or a 415 naming what is accepted.
    static func of(_ request: Request) throws -> String? {
        if let from = request.uri.queryParameters["from"].map(String.init) {
            guard ArticleSource.formats[from] != nil else {
                throw ServeError(.badRequest, "from=\(from) is not a format Galley reads (\(ArticleSource.formats.keys.sorted().joined(separator: ", ")))")
            }
            return from
        }
        let type = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let type, let format = mediaTypes[type] else {
            let accepted = mediaTypes.keys.sorted().joined(separator: ", ")
            throw ServeError(.unsupportedMediaType, "Content-Type \(type ?? "(none)") is not one Galley reads (\(accepted)); or say ?from=")
        }
        return format
    }
}

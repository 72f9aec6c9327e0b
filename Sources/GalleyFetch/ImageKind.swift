/// What a downloaded body is, judged by its first bytes rather than by what the server said, since a server that
/// answers every missing image with its HTML error page (and status 200) is common.
public enum ImageKind: String, Sendable, Codable, Equatable {
    /// A PNG image.
    case png
    /// A JPEG image.
    case jpeg
    /// A GIF image (fetched, then named as a format Galley does not draw).
    case gif
    /// A WebP image (likewise).
    case webp
    /// An SVG drawing.
    case svg
    /// An HTML page: an error or login page where an image was expected.
    case html
    /// Anything else.
    case unknown

    /// The kind of `bytes`, from their signature (an SVG or HTML page from its first markup).
    public init(sniffing bytes: some Collection<UInt8>) {
        let head = Array(bytes.prefix(512))
        func starts(_ signature: [UInt8]) -> Bool { head.starts(with: signature) }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { self = .png; return }
        if starts([0xFF, 0xD8, 0xFF]) { self = .jpeg; return }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { self = .gif; return }
        if head.count >= 12, starts(Array("RIFF".utf8)), Array(head[8..<12]) == Array("WEBP".utf8) { self = .webp; return }
        // Markup: skip a byte-order mark and white space, then look at the first tags without case.
        var text = String(decoding: head, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lowered = text.drop { $0.isWhitespace }.lowercased()
        guard lowered.hasPrefix("<") else { self = .unknown; return }
        if lowered.contains("<svg") { self = .svg; return }
        if lowered.hasPrefix("<!doctype html") || lowered.contains("<html") || lowered.contains("<head") || lowered.contains("<body") {
            self = .html
            return
        }
        // An SVG may open with a long comment or DOCTYPE before its root element, past the first 512 bytes.
        self = lowered.hasPrefix("<?xml") || lowered.hasPrefix("<!doctype svg") ? .svg : .unknown
    }

    /// The kind a `Content-Type` value names, or nil when it names none of these.
    public init?(contentType: String) {
        let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch type {
        case "image/png": self = .png
        case "image/jpeg", "image/jpg", "image/pjpeg": self = .jpeg
        case "image/gif": self = .gif
        case "image/webp": self = .webp
        case "image/svg+xml": self = .svg
        case "text/html", "application/xhtml+xml": self = .html
        default: return nil
        }
    }

    /// Whether the bytes are an image of some kind (Galley's probe then decides whether it can draw it).
    public var isImage: Bool {
        switch self {
        case .png, .jpeg, .gif, .webp, .svg: return true
        case .html, .unknown: return false
        }
    }

    /// The file name extension the cache gives bodies of this kind, since the image probe also reads extensions.
    public var fileExtension: String {
        switch self {
        case .png: return "png"
        case .jpeg: return "jpg"
        case .gif: return "gif"
        case .webp: return "webp"
        case .svg: return "svg"
        case .html: return "html"
        case .unknown: return "bin"
        }
    }

    /// The kind as words for messages ("a PNG image", "an HTML page").
    public var words: String {
        switch self {
        case .png: return "a PNG image"
        case .jpeg: return "a JPEG image"
        case .gif: return "a GIF image"
        case .webp: return "a WebP image"
        case .svg: return "an SVG drawing"
        case .html: return "an HTML page"
        case .unknown: return "something that is not an image"
        }
    }
}

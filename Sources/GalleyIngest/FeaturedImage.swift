import Foundation
import GalleyModel

/// A WordPress post's featured image (REST `wp:featuredmedia`, WXR `_thumbnail_id`), made the article's lead figure.
///
/// Galley's model has no separate lead figure and its layouts set figures where they stand, so the featured image
/// becomes the first block of the body, where a lead image is printed: under the title and deck, above the text.
struct FeaturedImage {
    /// The image's address.
    var source: String
    /// Its alternative text (the attachment's alt text).
    var alt: String
    /// Its caption as HTML, if any.
    var captionHTML: String?

    /// `body` with the featured image as its first figure, unless the content already opens with the same image
    /// (themes print the featured image themselves, so authors rarely repeat it, but some do).
    func lead(_ body: [Block], caption: [Inline]?) -> [Block] {
        if let first = Self.firstFigure(in: body), Self.sameImage(first.source, source) { return body }
        return [.figure(Figure(source: source, alt: alt, caption: caption))] + body
    }

    /// Whether two addresses name the same image, WordPress's resized copies included: `photo-1024x683.jpg` and
    /// `photo-scaled.jpg` are `photo.jpg` at another size; scheme, query and fragment do not matter.
    static func sameImage(_ a: String, _ b: String) -> Bool {
        let left = canonical(a), right = canonical(b)
        return !left.isEmpty && left == right
    }

    private static func canonical(_ address: String) -> String {
        guard let components = URLComponents(string: address.hasPrefix("//") ? "https:" + address : address) else { return address }
        var path = components.percentEncodedPath
        // WordPress names resized copies name-WxH.ext and big originals it scaled down name-scaled.ext.
        path = path.replacingOccurrences(of: #"-(\d+x\d+|scaled)(\.[A-Za-z0-9]+)$"#, with: "$2", options: .regularExpression)
        return (components.host?.lowercased() ?? "") + path
    }

    /// The first figure in reading order.
    private static func firstFigure(in blocks: [Block]) -> Figure? {
        for block in blocks {
            switch block {
            case .figure(let figure): return figure
            case .quote(let content, _), .note(_, let content):
                if let figure = firstFigure(in: content) { return figure }
            case .list(_, let items):
                for item in items { if let figure = firstFigure(in: item) { return figure } }
            default: continue
            }
        }
        return nil
    }
}

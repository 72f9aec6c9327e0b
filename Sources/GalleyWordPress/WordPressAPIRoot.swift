import Foundation

/// Where a site's REST API is, in one of the two forms WordPress answers to: `https://site/wp-json/wp/v2/posts/1`
/// (pretty permalinks) or `https://site/?rest_route=/wp/v2/posts/1` (every site, whatever its permalinks).
public struct WordPressAPIRoot: Sendable, Equatable, CustomStringConvertible {
    /// The two forms of REST URL.
    public enum Form: Sendable, Equatable {
        /// Routes appended to a path ending in `wp-json`.
        case path
        /// Routes passed in the `rest_route` query parameter of the site's front page (or `index.php`).
        case query
    }

    /// Which form the site's REST URLs take.
    public let form: Form
    /// The `…/wp-json` URL (no trailing slash) for `.path`; the front page (`…/` or `…/index.php`) for `.query`.
    public let base: URL

    /// A root of the given form at `base`.
    public init(form: Form, base: URL) {
        self.form = form
        self.base = base
    }

    /// The root a URL names outright: one containing `/wp-json` (anything after it is ignored) or a `rest_route`
    /// parameter; nil for a plain site URL, whose root must be discovered.
    public init?(explicit url: URL) {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return nil }
        if components.queryItems?.contains(where: { $0.name == "rest_route" }) == true {
            components.query = nil
            components.fragment = nil
            guard let base = components.url else { return nil }
            self.init(form: .query, base: base)
            return
        }
        guard let range = components.path.range(of: "/wp-json") else { return nil }
        components.path = String(components.path[..<range.upperBound])
        components.query = nil
        components.fragment = nil
        guard let base = components.url else { return nil }
        self.init(form: .path, base: base)
    }

    /// The root announced by a site's `Link: <…>; rel="https://api.w.org/"` header, if the header has one.
    public init?(linkHeader: String) {
        for link in linkHeader.split(separator: ",") {
            let parts = link.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let target = parts.first, target.hasPrefix("<"), target.hasSuffix(">"),
                  parts.dropFirst().contains(where: { $0 == "rel=\"https://api.w.org/\"" || $0 == "rel=https://api.w.org/" }),
                  let url = URL(string: String(target.dropFirst().dropLast())) else { continue }
            self.init(explicit: url)
            return
        }
        return nil
    }

    /// The query form at a site's front page: what every WordPress answers to, used when nothing else is known.
    public static func fallback(site: URL) -> WordPressAPIRoot {
        var text = site.absoluteString
        if let query = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = String(text[..<query]) }
        if !text.hasSuffix("/") && !text.hasSuffix(".php") { text += "/" }
        return WordPressAPIRoot(form: .query, base: URL(string: text) ?? site)
    }

    /// The URL of `route` (`/wp/v2/posts/12`) with `query` parameters, in this root's form.
    public func url(route: String, query: [(String, String)] = []) -> URL {
        var parameters = query
        var text = base.absoluteString
        switch form {
        case .path:
            if text.hasSuffix("/") { text.removeLast() }
            text += route.split(separator: "/", omittingEmptySubsequences: true)
                .map { "/" + Self.encode(String($0)) }.joined()
        case .query:
            parameters.insert(("rest_route", route), at: 0)
        }
        if !parameters.isEmpty {
            text += "?" + parameters.map { Self.encode($0.0) + "=" + Self.encode($0.1, keepingSlashes: true) }.joined(separator: "&")
        }
        // Every piece is percent-encoded above, so the text is always a valid URL.
        return URL(string: text)!
    }

    /// `https://site/wp-json` or `https://site/?rest_route=`.
    public var description: String {
        form == .path ? base.absoluteString : base.absoluteString + "?rest_route="
    }

    /// Percent-encodes everything but unreserved characters: `+` in particular, which PHP would read as a space.
    private static func encode(_ text: String, keepingSlashes: Bool = false) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        if keepingSlashes { allowed.insert("/") }
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

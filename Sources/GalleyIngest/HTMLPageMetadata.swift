import CLibXML2
import Foundation

/// What a whole HTML page says about its article in `<head>`: `<title>`, `<html lang>` and `<meta>` tags.
struct HTMLPageMetadata {
    /// Whether the input was a page with a `<head>`, rather than a post body fragment.
    var isWholePage = false
    /// The `<html lang>` attribute.
    var language: String?
    /// The text of `<title>`.
    var pageTitle: String?
    /// The address from `<link rel="canonical">`.
    var canonicalURL: String?
    /// Every `<meta>` value by its lowercased `property` or `name`, in document order.
    private var values: [String: [(value: String, line: Int?)]] = [:]

    /// Reads the metadata of the document under `root`.
    init(root: xmlNodePtr) {
        let head = root.childElements.first { $0.elementName == "head" }
        isWholePage = head.map { !$0.childElements.isEmpty } ?? false
        language = root.attribute("lang").flatMap { $0.isEmpty ? nil : $0 }
        for node in root.descendants where node.isElement {
            switch node.elementName {
            case "meta":
                guard let key = (node.attribute("property") ?? node.attribute("name"))?.lowercased(),
                      let content = node.attribute("content")?.collapsingHTMLWhitespace(), !content.isEmpty else { continue }
                values[key, default: []].append((content, node.line))
            case "title" where pageTitle == nil && !node.ancestors.contains { $0.elementName == "svg" }:
                pageTitle = node.textContent.collapsingHTMLWhitespace()
            case "link" where canonicalURL == nil && node.attribute("rel")?.lowercased() == "canonical":
                canonicalURL = node.attribute("href")
            default:
                continue
            }
        }
    }

    /// The first value of the meta tag `key`.
    func first(_ key: String) -> String? { values[key]?.first?.value }

    /// The line of the first meta tag `key`.
    func line(of key: String) -> Int? { values[key]?.first?.line ?? nil }

    /// Every value of the meta tag `key`, for tags that repeat (`article:tag`, `article:author`).
    func all(_ key: String) -> [String] { values[key]?.map(\.value) ?? [] }

    /// The headline: `og:title`, else `<title>` without a " – Site name" suffix matching `og:site_name`.
    var title: String? {
        if let title = first("og:title") { return title }
        guard var title = pageTitle, !title.isEmpty else { return nil }
        if let site = first("og:site_name"), title.hasSuffix(site), title.count > site.count {
            let rest = title.dropLast(site.count)
            let trimmed = rest.trimmingCharacters(in: .whitespaces)
            // Only a separator before the site name shows it is a suffix, not the end of the headline.
            if let separator = trimmed.last, "–—-|·:•»/".contains(separator) {
                let stripped = trimmed.dropLast().trimmingCharacters(in: .whitespaces)
                if !stripped.isEmpty { title = stripped }
            }
        }
        return title
    }
}

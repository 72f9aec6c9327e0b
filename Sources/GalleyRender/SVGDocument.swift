import CCairoPango
import CRsvg
import Foundation

/// Parses SVG bytes with librsvg so that nothing outside them is ever read.
///
/// The handle gets no base file: librsvg then refuses every reference to another file (images, `use`, XInclude,
/// style sheets) and loads only `data:` URLs. Its default flags keep its own limits on (elements loaded, references
/// followed, XML depth).
enum SVGDocument {
    /// Why librsvg refused the bytes, in its words.
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    /// A librsvg handle for `data`, which the caller releases with `g_object_unref`.
    static func parse(_ data: Data) -> Result<OpaquePointer, Refusal> {
        guard !data.isEmpty else { return .failure(Refusal(description: "the file is empty")) }
        // librsvg is opened on first use (see CRsvg); a system without it refuses SVGs rather than stopping.
        guard galley_rsvg_load() != 0 else { return .failure(Refusal(description: String(cString: galley_rsvg_error()))) }
        var error: UnsafeMutableRawPointer?
        let handle = data.withUnsafeBytes { buffer in
            rsvg_handle_new_from_data(buffer.bindMemory(to: UInt8.self).baseAddress, buffer.count, &error)
        }
        guard let handle else { return .failure(Refusal(description: takeMessage(error) ?? "unknown error")) }
        return .success(handle)
    }

    /// The message of the GError librsvg set through a `void **` (its declaration in CRsvg), which is freed; nil for none.
    static func takeMessage(_ error: UnsafeMutableRawPointer?) -> String? {
        guard let error = error?.assumingMemoryBound(to: GError.self) else { return nil }
        defer { g_error_free(error) }
        return String(cString: error.pointee.message)
    }

    /// The files and addresses `data` refers to (`href`, `xlink:href`, CSS `url(…)` and `@import`), which librsvg
    /// does not read: each is named in a warning, so a picture drawn without its parts says so. Fragments (`#id`) and
    /// `data:` URLs are the SVG's own and are left out.
    static func externalReferences(in data: Data) -> [String] {
        let text = String(decoding: data, as: UTF8.self)
        var found: [String] = []
        func add(_ value: Substring) {
            let reference = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reference.isEmpty, !reference.hasPrefix("#"), !reference.lowercased().hasPrefix("data:"),
                  !found.contains(reference) else { return }
            found.append(reference)
        }
        // Attribute values: href="…" and xlink:href='…' (any prefix), with optional spaces around the equals sign.
        var rest = text[...]
        while let range = rest.range(of: "href") {
            rest = rest[range.upperBound...]
            let afterName = rest.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            guard afterName.first == "=" else { continue }
            let value = afterName.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            guard let quote = value.first, quote == "\"" || quote == "'" else { continue }
            let body = value.dropFirst()
            guard let end = body.firstIndex(of: quote) else { break }
            add(body[..<end])
            rest = body[end...]
        }
        // CSS: url(…) and @import "…", in style elements and attributes.
        rest = text[...]
        while let range = rest.range(of: "url(") {
            let body = rest[range.upperBound...]
            guard let end = body.firstIndex(of: ")") else { break }
            add(body[..<end].trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))[...])
            rest = body[end...]
        }
        rest = text[...]
        while let range = rest.range(of: "@import") {
            let body = rest[range.upperBound...].drop { $0 == " " }
            guard let quote = body.first, quote == "\"" || quote == "'" else { rest = body; continue }
            let inner = body.dropFirst()
            guard let end = inner.firstIndex(of: quote) else { break }
            add(inner[..<end])
            rest = inner[end...]
        }
        return found
    }
}

import Foundation
import GalleyStyle

/// One exported article as the CMS sees it: which PDF to attach, its size label, and how it was made; or, for an
/// article that failed, why.
///
/// A failed entry has only `id`, `source`, `status`, `error` and, when an earlier run wrote a PDF for the article that
/// is still in the output folder, `previous`; every field about a PDF is then absent, so a CMS can tell "not built"
/// from "never existed" by `status` alone.
public struct ManifestEntry: Codable, Sendable, Equatable {
    /// Whether this run made the PDF, found it up to date, or could not make it.
    public enum Status: String, Codable, Sendable {
        /// Laid out and written in the run that wrote the manifest.
        case rebuilt
        /// Left as it was, because its content hash had not changed.
        case skipped
        /// Not made: `error` says why. Such an article is tried again by every run.
        case failed
    }

    /// The PDF an earlier run wrote for an article that now fails: still in the output folder, whole, but not of the
    /// article's current source.
    public struct PreviousPDF: Codable, Sendable, Equatable {
        /// The PDF's file name in the output folder.
        public var output: String
        /// The PDF's size in bytes.
        public var bytes: Int
        /// The SHA-256 of the PDF file, lower-case hex.
        public var sha256: String
        /// The CMS's attachment label.
        public var label: String
    }

    /// The CMS's article id.
    public var id: String
    /// The article file, as it was named on the command line or found in a folder.
    public var source: String
    /// The PDF's file name in the output folder (`slug_a<id>.pdf`).
    public var output: String?
    /// The PDF's size in bytes.
    public var bytes: Int?
    /// The label the CMS shows beside the attachment in the article's language, `PDF - 906.7 KiB`, `PDF - 906,7 Kio`.
    public var label: String?
    /// The PDF's page count.
    public var pages: Int?
    /// The SHA-256 of the PDF file, lower-case hex.
    public var sha256: String?
    /// The article's title.
    public var title: String?
    /// The article's language tag: as its source declared it, or as Galley detected it.
    public var language: String?
    /// True when the source declared no language and `language` was detected from the text.
    public var languageDetected: Bool?
    /// The article's address on the web (a WordPress post's `link`), for the CMS to find the post by.
    public var permalink: String?
    /// The article's slug on the web (a WordPress post's `slug`).
    public var slug: String?
    /// The article's date as its source gave it (`2022-08-25`).
    public var date: String?
    /// The kind of web post it is (WordPress's `post`, `page` or a custom type).
    public var postType: String?
    /// Warnings about the article (reader warnings, missing glyphs), one sentence each.
    public var warnings: [String]
    /// The hash of everything the PDF is made from; an equal hash means the PDF is up to date.
    public var contentHash: String?
    /// Whether the PDF was rebuilt, skipped or failed in the run that wrote this entry.
    public var status: Status
    /// The WordPress media id this PDF was attached to the post as by `galley publish`; nil until it is published
    /// (an export that rebuilds the PDF writes a new entry without it, which is what makes publish upload it again).
    public var attachment: Int?
    /// For a failed article, the located reason (`file:line: field: message`), as the command line printed it.
    public var error: String?
    /// For a failed article, the PDF an earlier run made of it, which is kept.
    public var previous: PreviousPDF?

    /// Creates an entry.
    public init(id: String, source: String, output: String, bytes: Int, pages: Int, sha256: String, title: String,
                language: String, warnings: [String], contentHash: String, status: Status, labels: Labels? = nil) {
        self.id = id
        self.source = source
        self.output = output
        self.bytes = bytes
        self.label = Self.label(bytes: bytes, labels: labels)
        self.pages = pages
        self.sha256 = sha256
        self.title = title
        self.language = language
        self.warnings = warnings
        self.contentHash = contentHash
        self.status = status
    }

    /// A failed article's entry; `previous` describes the PDF an earlier run made of it, when there is one.
    public static func failed(id: String, source: String, error: String, previous: PreviousPDF? = nil) -> ManifestEntry {
        var entry = ManifestEntry(id: id, source: source, output: "", bytes: 0, pages: 0, sha256: "", title: "", language: "",
                                  warnings: [], contentHash: "", status: .failed)
        entry.output = nil
        entry.bytes = nil
        entry.label = nil
        entry.pages = nil
        entry.sha256 = nil
        entry.title = nil
        entry.language = nil
        entry.contentHash = nil
        entry.error = error
        entry.previous = previous
        return entry
    }

    /// The PDF this entry describes, or the one it keeps from an earlier run, as a failed article's `previous`.
    public var pdf: PreviousPDF? {
        if let previous { return previous }
        guard let output, let bytes, let sha256, let label else { return nil }
        return PreviousPDF(output: output, bytes: bytes, sha256: sha256, label: label)
    }

    /// The CMS's attachment label for a PDF of `bytes` bytes: `PDF - ` and the binary size (`PDF - 906.7 KiB`), in
    /// the units and decimal separator of `labels` when given.
    public static func label(bytes: Int, labels: Labels? = nil) -> String {
        guard let labels else { return "PDF - " + SizeLabel.make(bytes: bytes) }
        return "PDF - " + SizeLabel.make(bytes: bytes, units: labels.sizeUnits, decimalSeparator: labels.decimalSeparator)
    }
}

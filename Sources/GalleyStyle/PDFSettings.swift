import GalleyDiagnostics

/// How the PDF file itself is written.
public struct PDFSettings: Codable, Sendable, Equatable {
    /// How hard the file's streams (text, font subsets, decoded images) are compressed.
    public enum Compression: String, Codable, Sendable, CaseIterable {
        /// zlib level 1: about a tenth less CPU per article than `standard`, files about 6 % larger.
        case fast
        /// zlib level 6, cairo's own choice.
        case standard
        /// zlib level 9: the smallest files, at the most CPU.
        case smallest

        /// The zlib level the PDF writer uses.
        public var zlibLevel: Int32 {
            switch self {
            case .fast: return 1
            case .standard: return 6
            case .smallest: return 9
            }
        }
    }

    /// The standard a PDF is written to conform to; every PDF is tagged whichever is chosen.
    public enum Standard: String, Codable, Sendable, CaseIterable {
        /// Tagged PDF with language and metadata, claiming no standard.
        case none
        /// PDF/UA-1 (ISO 14289-1): accessible PDF.
        case ua1 = "ua-1"
        /// PDF/A-2b (ISO 19005-2, basic conformance): archival PDF.
        case a2b = "a-2b"
        /// PDF/A-3b (ISO 19005-3): archival PDF with the source article embedded, so it can be set again.
        case a3b = "a-3b"

        /// Whether the standard is one of the PDF/A family.
        public var isArchival: Bool { self == .a2b || self == .a3b }
    }

    /// The compression of the file's streams.
    public var compression: Compression
    /// The standard the PDF conforms to.
    public var standard: Standard
    /// Whether the PDF carries its structure (tags, reading order, artifacts, alt text) for screen readers and
    /// reflow; on unless a layout turns it off, which only a PDF of no standard may.
    public var tagged: Bool

    /// Creates settings.
    public init(compression: Compression, standard: Standard = .none, tagged: Bool = true) {
        self.compression = compression
        self.standard = standard
        self.tagged = tagged
    }

    /// Switches to `standard` for one run (`--pdf-standard`), refusing one that needs tags when the layout turned
    /// tagging off.
    public mutating func choose(_ standard: Standard) throws {
        guard tagged || standard == .none else {
            throw Diagnostic(file: "--pdf-standard", message: "\(standard.rawValue) needs a tagged PDF, and the layout sets pdf.tagged: false")
        }
        self.standard = standard
    }

    private enum CodingKeys: String, CodingKey {
        case compression, standard, tagged
    }

    /// Reads the settings; a layout written before standards existed gets none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        compression = try container.decode(Compression.self, forKey: .compression)
        standard = try container.decodeIfPresent(Standard.self, forKey: .standard) ?? .none
        tagged = try container.decodeIfPresent(Bool.self, forKey: .tagged) ?? true
    }
}

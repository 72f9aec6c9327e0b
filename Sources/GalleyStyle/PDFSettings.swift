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

    /// The compression of the file's streams.
    public var compression: Compression

    /// Creates settings.
    public init(compression: Compression) {
        self.compression = compression
    }
}

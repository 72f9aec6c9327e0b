import GalleyStyle

/// How `PDFFinisher` finishes a PDF: the standard to meet and what to add.
public struct PDFFinishOptions: Sendable {
    /// Where Debian's icc-profiles-free puts its sRGB profile, the output intent of PDF/A files.
    public static let debianSRGBProfile = "/usr/share/color/icc/sRGB.icc"

    /// The standard the PDF is made to conform to.
    public var standard: PDFStandard
    /// The files embedded as the PDF's source (an article, or an issue's articles); only PDF/A-3b embeds them
    /// (PDF/A-2 forbids other files).
    public var embeddedSources: [EmbeddedSource]
    /// The producing program and version (`/Producer`, `pdf:Producer`), such as "Galley 0.9".
    public var producer: String
    /// The ICC profile of the PDF/A output intent: an RGB profile.
    public var iccProfilePath: String
    /// Page numbering to show in viewers, or empty for none.
    public var pageLabels: [PageLabelRange]
    /// The zlib level of the streams the finish writes (page content, XMP aside): the renderer's, so that the
    /// rewritten content costs what cairo's did (level 1 compresses two pages of text in 0.13 ms, level 6 in 0.28).
    public var zlibLevel: Int32
    /// How many threads may rewrite and compress the file's pages and streams: the bytes are the same for any number.
    public var threads: Int

    /// Creates options.
    public init(standard: PDFStandard = .none, embeddedSources: [EmbeddedSource] = [], producer: String = "Galley",
                iccProfilePath: String = PDFFinishOptions.debianSRGBProfile, pageLabels: [PageLabelRange] = [], zlibLevel: Int32 = 6,
                threads: Int = 1) {
        self.standard = standard
        self.embeddedSources = embeddedSources
        self.producer = producer
        self.iccProfilePath = iccProfilePath
        self.pageLabels = pageLabels
        self.zlibLevel = zlibLevel
        self.threads = max(1, threads)
    }
}

import ArgumentParser
import GalleyExport
import GalleyFiles
import GalleyLayout
import GalleyStyle

/// Options every typesetting command shares.
public struct CommonOptions: ParsableArguments, Sendable {
    /// Options as the parser makes them, every one at its default.
    public init() {}

    /// Layout name in Layouts/ or path to a layout file (default: galley.yaml's layout, else article-a4).
    @Option(name: .long, help: "Layout name in Layouts/ or path to a layout file (default: galley.yaml's layout, else article-a4).",
            completion: Completions.layouts)
    public var layout: String?

    /// Input format, instead of guessing from the extension: json, markdown, html, wordpress, wxr.
    @Option(name: .long, help: "Input format, instead of guessing from the extension: json, markdown, html, wordpress, wxr.", completion: Completions.formats)
    public var from: String?

    /// Line breaker (default: the layout's).
    @Option(name: .long, help: "Line breaker (default: the layout's).")
    public var lineBreaker: LineBreakerChoice?

    /// The PDF standard: none, ua-1, a-2b or a-3b (default: the layout's pdf.standard).
    @Option(name: .long, help: "The PDF standard: none, ua-1, a-2b or a-3b (default: the layout's pdf.standard).")
    public var pdfStandard: PDFSettings.Standard?

    /// The `--config` option.
    @OptionGroup public var configOption: ConfigOption

    /// The `--limit` options.
    @OptionGroup public var limitOptions: LimitOptions

    /// The remote-image options.
    @OptionGroup(title: "Remote images") public var imageOptions: ImageOptions

    /// The layout named by `--layout` (else by galley.yaml), with the publisher's identity and `--pdf-standard` applied.
    public func sheet(from resources: GalleyResources) throws -> StyleSheet {
        let config = try configOption.load(limits: limits())
        var sheet = try resources.layout(layoutName(config: config), config: config)
        if let pdfStandard { try sheet.pdf.choose(pdfStandard) }
        return sheet
    }

    /// The layout to use: `--layout` wins over galley.yaml's, which wins over Galley's default.
    public func layoutName(config: GalleyConfig?) -> String {
        layout ?? config?.layout ?? "article-a4"
    }

    /// The limits, defaults changed by every `--limit`.
    public func limits() throws -> Limits {
        try limitOptions.limits()
    }

    /// Refuses a single-valued option given twice: the parser would keep the last one without a word.
    public func validate() throws {
        try RepeatedOptions.refuse(in: CommandLine.arguments)
    }

    /// The line breaker `--line-breaker` names, or nil for the layout's.
    public func breaker() throws -> (any LineBreaker)? {
        try LineBreakerName.breaker(lineBreaker?.rawValue)
    }
}

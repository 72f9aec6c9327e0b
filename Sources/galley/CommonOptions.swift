import ArgumentParser
import GalleyExport
import GalleyFiles
import GalleyLayout
import GalleyStyle

/// Options every typesetting command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Layout name in Layouts/ or path to a layout file (default: galley.yaml's layout, else article-a4).",
            completion: Completions.layouts)
    var layout: String?

    @Option(name: .long, help: "Input format, instead of guessing from the extension: json, markdown, html, wordpress, wxr.", completion: Completions.formats)
    var from: String?

    @Option(name: .long, help: "Line breaker (default: the layout's).")
    var lineBreaker: LineBreakerChoice?

    @Option(name: .long, help: "The PDF standard: none, ua-1, a-2b or a-3b (default: the layout's pdf.standard).")
    var pdfStandard: PDFSettings.Standard?

    @OptionGroup var configOption: ConfigOption

    @OptionGroup var limitOptions: LimitOptions

    @OptionGroup(title: "Remote images") var imageOptions: ImageOptions

    /// The layout named by `--layout` (else by galley.yaml), with the publisher's identity and `--pdf-standard` applied.
    func sheet(from resources: GalleyResources) throws -> StyleSheet {
        let config = try configOption.load(limits: limits())
        var sheet = try resources.layout(layoutName(config: config), config: config)
        if let pdfStandard { try sheet.pdf.choose(pdfStandard) }
        return sheet
    }

    /// The layout to use: `--layout` wins over galley.yaml's, which wins over Galley's default.
    func layoutName(config: GalleyConfig?) -> String {
        layout ?? config?.layout ?? "article-a4"
    }

    /// The limits, defaults changed by every `--limit`.
    func limits() throws -> Limits {
        try limitOptions.limits()
    }

    /// Refuses a single-valued option given twice: the parser would keep the last one without a word.
    func validate() throws {
        try RepeatedOptions.refuse(in: CommandLine.arguments)
    }

    /// The line breaker `--line-breaker` names, or nil for the layout's.
    func breaker() throws -> (any LineBreaker)? {
        try LineBreakerName.breaker(lineBreaker?.rawValue)
    }
}

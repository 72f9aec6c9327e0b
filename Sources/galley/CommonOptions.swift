import ArgumentParser
import GalleyExport
import GalleyFiles
import GalleyLayout
import GalleyStyle

/// Options every typesetting command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Layout name in Layouts/ or path to a layout file.", completion: Completions.layouts)
    var layout = "article-a4"

    @Option(name: .long, help: "Input format, instead of guessing from the extension: json, markdown, html, wordpress, wxr.", completion: Completions.formats)
    var from: String?

    @Option(name: .long, help: "Line breaker: first-fit or knuth-plass (default: the layout's).", completion: Completions.lineBreakers)
    var lineBreaker: String?

    @Option(name: .long, help: "The PDF standard: none, ua-1, a-2b or a-3b (default: the layout's pdf.standard).")
    var pdfStandard: PDFSettings.Standard?

    @OptionGroup var limitOptions: LimitOptions

    @OptionGroup(title: "Remote images") var imageOptions: ImageOptions

    /// The layout named by `--layout`, with `--pdf-standard` applied.
    func sheet(from resources: GalleyResources) throws -> StyleSheet {
        var sheet = try resources.layout(layout)
        if let pdfStandard { try sheet.pdf.choose(pdfStandard) }
        return sheet
    }

    /// The limits, defaults changed by every `--limit`.
    func limits() throws -> Limits {
        try limitOptions.limits()
    }

    func breaker() throws -> (any LineBreaker)? {
        do {
            return try LineBreakerName.breaker(lineBreaker)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}

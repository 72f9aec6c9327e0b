import ArgumentParser
import GalleyExport
import GalleyFiles
import GalleyLayout

/// Options every typesetting command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Layout name in Layouts/ or path to a layout file.")
    var layout = "article-a4"

    @Option(name: .long, help: "Input format, instead of guessing from the extension: json, markdown, html, wordpress, wxr.")
    var from: String?

    @Option(name: .long, help: "Line breaker: first-fit or knuth-plass (default: the layout's).")
    var lineBreaker: String?

    @OptionGroup var limitOptions: LimitOptions

    @OptionGroup(title: "Remote images") var imageOptions: ImageOptions

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

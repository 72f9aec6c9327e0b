import ArgumentParser
import GalleyExport
import GalleyLayout

/// Options every typesetting command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Layout name in Layouts/ or path to a layout file.")
    var layout = "article-a4"

    @Option(name: .long, help: "Input format, instead of guessing from the extension: json, markdown, html, wordpress, wxr.")
    var from: String?

    @Option(name: .long, help: "Line breaker: first-fit or knuth-plass (default: the layout's).")
    var lineBreaker: String?

    func breaker() throws -> (any LineBreaker)? {
        switch lineBreaker {
        case nil: return nil
        case "first-fit": return FirstFitLineBreaker()
        case "knuth-plass": return KnuthPlassLineBreaker()
        case let other?: throw ValidationError("unknown line breaker \"\(other)\" (expected first-fit or knuth-plass)")
        }
    }
}

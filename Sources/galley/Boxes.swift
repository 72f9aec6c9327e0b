import ArgumentParser
import GalleyExport
import GalleyRender

/// `galley boxes`: the laid-out pages as text, for review and golden tests.
struct Boxes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the laid-out pages as text (positions in pt, rounded to 0.01).")

    @Argument(help: "An article file, or - for standard input.")
    var article: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        let renderer = try Session.renderer(common)
        do {
            let document = renderer.layout(try ArticleSource.read(article, format: common.from), source: article)
            print(BoxDump().render(document), terminator: "")
        } catch {
            Session.report(error)
            throw ExitCode(1)
        }
    }
}

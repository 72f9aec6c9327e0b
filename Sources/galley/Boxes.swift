import ArgumentParser
import GalleyCommandLine
import GalleyExport
import GalleyRender

/// `galley boxes`: the laid-out pages as text, for review and golden tests.
struct Boxes: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "boxes", abstract: "Print the laid-out pages as text (positions in pt, rounded to 0.01).")

    @Argument(help: "An article file, or - for standard input.", completion: Completions.articles)
    var article: String

    @OptionGroup var common: CommonOptions

    func run() throws {
        let (pipeline, files) = try Session.commandPipeline(common, reading: [article])
        do {
            // Every article of the file, one dump after another, with every warning on standard error.
            while let file = files.next() {
                for sourced in try file.articles.get() {
                    let typeset = try pipeline.typeset(sourced)
                    typeset.warnings.forEach(Session.report)
                    print(BoxDump().render(typeset.document), terminator: "")
                }
            }
        } catch {
            Session.report(error)
            throw ExitCode(1)
        }
    }
}

import Foundation
import GalleyDiagnostics
import GalleyExport
import GalleyFiles
import GalleyIngest
import GalleyStyle

/// One thing Galley does with untrusted bytes, as a fuzzing target: a reader, the layout and issue loaders, or a
/// whole article set and drawn.
///
/// Each target feeds the bytes to the same code the commands use and checks what Galley promises for bad input:
/// it may refuse it, but only with a `Diagnostic` naming the file (never another error, a crash or a hang), and
/// what it accepts it must be able to set and draw as a PDF.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Galley's JSON article format.
    case json
    /// Markdown with front matter.
    case markdown
    /// An HTML page.
    case html
    /// A WordPress REST post (JSON).
    case wordpress
    /// A WordPress export (WXR, XML).
    case wxr
    /// An issue file (`issue.yaml`).
    case issue
    /// A layout file (YAML), loaded with the bundled layouts as its possible bases.
    case layout
    /// A Markdown article read, typeset and drawn as a PDF: the layout of whatever a reader accepts.
    case typeset

    /// The name a fuzzed input is shown under in messages: a file name with the extension the reader expects.
    var fileName: String {
        switch self {
        case .json, .wordpress: return "fuzz.json"
        case .markdown, .typeset: return "fuzz.md"
        case .html: return "fuzz.html"
        case .wxr: return "fuzz.xml"
        case .issue, .layout: return "fuzz.yaml"
        }
    }

    /// Runs the target on `data` and returns Galley's refusal, if it refused the input (nil: accepted); traps (so
    /// the fuzzer records the input) when Galley breaks a promise.
    @discardableResult
    public func run(_ data: Data, context: FuzzContext) -> Diagnostic? {
        do {
            switch self {
            case .json, .markdown, .html, .wordpress, .wxr:
                _ = try ArticleSource.readAll(fileName, format: rawValue, limits: context.limits, data: data)
            case .issue:
                _ = try IssueReader().read(data, file: fileName)
            case .layout:
                _ = try context.loadLayout(data)
            case .typeset:
                for sourced in try ArticlePipeline.read(fileName, data: data, format: "markdown", limits: context.limits) {
                    let rendered = try context.pipeline().render(sourced)
                    FuzzFailure.check(rendered.pdf.starts(with: Array("%PDF-".utf8)), "the renderer returned something that is not a PDF", data: data)
                    FuzzFailure.check(!rendered.document.pages.isEmpty, "an article was set on no page", data: data)
                }
            }
            return nil
        } catch let diagnostic as Diagnostic {
            FuzzFailure.check(!diagnostic.message.isEmpty, "an error with no message", data: data)
            FuzzFailure.check(!diagnostic.description.contains("NSCocoaErrorDomain"), "an error in Foundation's words: \(diagnostic)", data: data)
            return diagnostic
        } catch {
            FuzzFailure.fail("an error that names no file: \(type(of: error)): \(error)", data: data)
        }
    }
}

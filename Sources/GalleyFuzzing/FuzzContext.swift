import Foundation
import GalleyExport
import GalleyFiles
import GalleyStyle

/// What the targets share across inputs: the resources, the default limits, and one renderer made on first use
/// (a renderer owns a font map, so a context belongs to one thread).
public final class FuzzContext {
    /// Galley's layouts and fonts.
    public let resources: GalleyResources
    /// The limits inputs are held to: the defaults, as a user gets them.
    public let limits = Limits()
    private var madePipeline: ArticlePipeline?
    private let scratch: URL

    /// A context using the resources Galley finds from the executable's location (or `GALLEY_HOME`).
    public init(resources: GalleyResources = .locate()) {
        self.resources = resources
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("galley-fuzz-\(getpid())")
    }

    deinit {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// The pipeline the `typeset` target sets articles with, in the default layout.
    func pipeline() throws -> ArticlePipeline {
        if let madePipeline { return madePipeline }
        let sheet = try resources.layout("article-a4")
        let made = ArticlePipeline(renderer: try ArticleRenderer(sheet: sheet, resources: resources, limits: limits), format: "markdown")
        madePipeline = made
        return made
    }

    /// Loads `data` as a layout file the way `--layout path` would.
    func loadLayout(_ data: Data) throws -> StyleSheet {
        // The loader reads layouts from files (a layout may extend another by name), so the input is written to one.
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let file = scratch.appendingPathComponent("fuzz.yaml")
        try data.write(to: file)
        return try resources.layout(file.path)
    }
}

import Foundation
import GalleyFetch
import GalleyFiles
import GalleyStyle

/// What an export run reads, where it writes, and how it sets articles.
public struct ExportConfiguration: Sendable {
    /// Files, folders and `-`, as given on the command line.
    public var inputs: [String]
    /// The folder PDFs are written to.
    public var outputDirectory: URL
    /// The manifest file, read for incremental runs and rewritten at the end.
    public var manifest: URL
    /// Worker threads, each with its own renderer.
    public var jobs: Int
    /// Rebuild every article even when its PDF is up to date.
    public var force = false
    /// Only the articles of this share of the archive, or all when nil.
    public var shard: Shard?
    /// The input format (`--from`), or nil to go by extension.
    public var format: String?
    /// The resolved layout, hashed into every content hash.
    public var sheet: StyleSheet
    /// The line breaker chosen on the command line, or nil for the layout's; hashed too.
    public var lineBreaker: String?
    /// The folder holding `Fonts/`.
    public var resources: GalleyResources
    /// Where rebuilt articles' layouts are saved for issue bundles to reuse, or nil (the default: saving costs
    /// about as much as laying out again) not to save them.
    public var layoutCache: LayoutCache?
    /// Makes one worker's renderer; called on the worker thread, because a renderer's font map must stay there.
    public var makeRenderer: @Sendable () throws -> ArticleRenderer
    /// The limits inputs are held to (also given to worker processes).
    public var limits = Limits()
    /// How remote figure images are fetched (allowed hosts, mirrors, cache, offline), or nil not to fetch them.
    public var images: ImageFetchSettings?
    /// The `galley` executable to run worker processes of (`galley export-worker`), one per job: an article that
    /// crashes or hangs then costs only its worker. Nil sets articles on threads of this process instead.
    public var workerExecutable: String?

    /// Creates a configuration; `jobs` defaults to the number of cores.
    public init(inputs: [String], outputDirectory: URL, manifest: URL? = nil, jobs: Int? = nil, sheet: StyleSheet,
                lineBreaker: String? = nil, resources: GalleyResources,
                makeRenderer: @escaping @Sendable () throws -> ArticleRenderer) {
        self.inputs = inputs
        self.outputDirectory = outputDirectory
        self.manifest = manifest ?? outputDirectory.appendingPathComponent("manifest.json")
        self.jobs = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        self.sheet = sheet
        self.lineBreaker = lineBreaker
        self.resources = resources
        self.makeRenderer = makeRenderer
    }
}

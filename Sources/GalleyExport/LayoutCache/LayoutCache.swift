import Foundation
import GalleyFiles
import GalleyLayout

/// Article layouts saved by content hash, so that an issue bundle reuses what a batch export laid out.
///
/// A layout depends on exactly what the content hash covers (source, images, layout, fonts, version),
/// so an entry under the same hash is always the layout the typesetter would make again.
public struct LayoutCache: Sendable {
    /// The folder holding `<hash>.layout` files (`LayoutArchive`).
    public var directory: URL

    /// The cache beside an output folder: `<output>/.galley-cache/layouts`.
    public init(outputDirectory: URL) {
        directory = outputDirectory.appendingPathComponent(".galley-cache/layouts")
    }

    /// A cache in `directory`.
    public init(directory: URL) {
        self.directory = directory
    }

    private func url(_ hash: String) -> URL { directory.appendingPathComponent("\(hash).layout") }

    /// The saved layout for `hash`, if there is a readable one.
    public func load(_ hash: String) -> ArticleLayout? {
        guard let data = FileManager.default.contents(atPath: url(hash).path) else { return nil }
        return LayoutArchive.decode(data)
    }

    /// Saves `layout` under `hash`; a cache that cannot be written is only a lost shortcut, never an error.
    public func store(_ layout: ArticleLayout, hash: String) {
        guard let bytes = try? LayoutArchive.encode(layout) else { return }
        try? OutputFile.write(Data(bytes), to: url(hash).path)
    }
}

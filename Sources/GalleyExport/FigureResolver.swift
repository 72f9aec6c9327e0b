import Foundation
import GalleyDiagnostics
import GalleyLayout
import GalleyModel
import GalleyRender

/// Finds the image files an article's figures name, inside the article's own folder only.
///
/// A remote URL is never fetched and a path that leaves the folder is never read: such a figure
/// is set as a box with its alt text, and a warning says why.
public enum FigureResolver {
    /// The images that can be drawn, by figure source, and warnings for those that cannot.
    public static func resolve(_ article: Article, source: String?) -> (images: [String: ImageReference], warnings: [Diagnostic]) {
        let file = source ?? "<stdin>"
        let folder = source.map { URL(fileURLWithPath: $0).deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath() }
        var images: [String: ImageReference] = [:]
        var warnings: [Diagnostic] = []
        for (index, figure) in figures(in: article.body).enumerated() where images[figure.source] == nil {
            let path = "figure \(index + 1) (\(figure.source))"
            func warn(_ message: String) {
                warnings.append(Diagnostic(.warning, file: file, path: path, message: message + "; its alt text is printed instead"))
            }
            if figure.source.contains("://") || figure.source.hasPrefix("//") {
                warn("remote images are not fetched")
                continue
            }
            guard let folder else {
                warn("an article read from standard input has no folder to find images in")
                continue
            }
            let url = URL(fileURLWithPath: figure.source, relativeTo: folder).standardizedFileURL.resolvingSymlinksInPath()
            guard url.path.hasPrefix(folder.path + "/") else {
                warn("the path leaves the article's folder")
                continue
            }
            guard FileManager.default.fileExists(atPath: url.path) else {
                warn("no such image file")
                continue
            }
            do {
                images[figure.source] = try ImageProbe.probe(url)
            } catch {
                warn("the image \(error)")
            }
        }
        return (images, warnings)
    }

    /// Every figure in `blocks`, in reading order.
    static func figures(in blocks: [Block]) -> [Figure] {
        blocks.flatMap { block -> [Figure] in
            switch block {
            case .figure(let figure): return [figure]
            case .quote(let content, _), .note(_, let content): return figures(in: content)
            case .list(_, let items): return items.flatMap(figures(in:))
            default: return []
            }
        }
    }
}

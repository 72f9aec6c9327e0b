import Foundation
import GalleyDiagnostics
import GalleyFetch
import GalleyFiles
import GalleyLayout
import GalleyModel
import GalleyRender
import GalleyStyle

/// Finds the image files an article's figures name, inside the article's own folder only, and checks them against
/// the limits from their headers.
///
/// A remote URL is drawn from the file the fetch phase (`RemoteImages`) left for it, held to the same limits as a
/// local file; a path that leaves the folder is never read. A figure that cannot be drawn is set as a box with its
/// alt text, and a warning says why. An image over a limit is drawn downsampled or set as
/// that box, as the layout's `images.oversize` says, and a warning names it and its size.
public enum FigureResolver {
    /// The images that can be drawn, by figure source, and warnings for those that cannot be drawn as they are;
    /// `remote` holds what the fetch phase found for each remote source (without it, remote images are not drawn).
    public static func resolve(_ article: Article, source: String?, limits: Limits = Limits(),
                               oversize: ImageSettings.Oversize = .downsample,
                               remote: [String: FetchedImage]? = nil) -> (images: [String: ImageReference], warnings: [Diagnostic]) {
        let file = source ?? "<stdin>"
        let folder = self.folder(of: source)
        var images: [String: ImageReference] = [:]
        var warnings: [Diagnostic] = []
        // The tagged PDF gives every figure its alt text for screen readers (PDF/UA requires one): say which lack it.
        for (index, figure) in figures(in: article.body).enumerated()
        where figure.alt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let caption = (figure.caption ?? []).plainText.trimmingCharacters(in: .whitespacesAndNewlines)
            warnings.append(Diagnostic(.warning, file: file, path: label(index: index, source: figure.source) + ".alt",
                                       message: caption.isEmpty
                                           ? "the figure has no alt text and no caption, so a screen reader can say nothing of it"
                                           : "the figure has no alt text; screen readers are given its caption instead"))
        }
        for (index, figure) in figures(in: article.body).enumerated() where images[figure.source] == nil {
            let path = label(index: index, source: figure.source)
            func warn(_ message: String, instead: String = "its alt text is printed instead") {
                warnings.append(Diagnostic(.warning, file: file, path: path, message: message + "; " + instead))
            }
            let url: URL
            if RemoteImages.isRemote(figure.source) {
                switch remote?[figure.source] {
                case nil:
                    warn("remote images are not fetched")
                    continue
                case .failed(let reason)?:
                    warn("\(figure.source) could not be fetched: \(reason)")
                    continue
                case .file(let local, _, let notes)?:
                    for note in notes {
                        warnings.append(Diagnostic(.warning, file: file, path: path, message: "\(figure.source): \(note)"))
                    }
                    url = URL(fileURLWithPath: local)
                }
            } else {
                guard let folder else {
                    warn("an article read from standard input has no folder to find images in")
                    continue
                }
                url = self.url(of: figure.source, in: folder)
                guard url.path.hasPrefix(folder.path + "/") else {
                    warn("the path leaves the article's folder")
                    continue
                }
                guard FileManager.default.fileExists(atPath: url.path) else {
                    warn("no such image file")
                    continue
                }
            }
            do {
                let (reference, fit, unread) = try ImageProbe.examine(url, limits: limits)
                if !unread.isEmpty {
                    let names = unread.prefix(3).joined(separator: ", ") + (unread.count > 3 ? " and \(unread.count - 3) more" : "")
                    warn("the SVG refers to other files or addresses (\(names)), which are never read", instead: "it is drawn without them")
                }
                switch fit {
                case .fits:
                    images[figure.source] = reference
                case .downsamplable(let reason) where oversize == .downsample:
                    images[figure.source] = reference
                    warn(reason, instead: "it is drawn downsampled to at most \(Int(ImageProbe.downsampledResolution)) pixels per inch "
                         + "of its printed size")
                case .downsamplable(let reason):
                    warn(reason, instead: "its alt text is printed instead, as the layout's images.oversize is placeholder")
                case .tooLarge(let reason, let obstacle):
                    warn("\(reason), and \(obstacle)")
                }
            } catch {
                warn("the image \(error)")
            }
        }
        return (images, warnings)
    }

    /// How warnings name a figure: its number in reading order and its source as written.
    static func label(index: Int, source: String) -> String {
        "figure \(index + 1) (\(source))"
    }

    /// The label of each figure by the path of the image file it resolves to (a remote one's cached or mirrored
    /// file), for problems found while drawing.
    public static func labels(_ article: Article, source: String?, remote: [String: FetchedImage] = [:]) -> [String: String] {
        let folder = folder(of: source)
        var labels: [String: String] = [:]
        for (index, figure) in figures(in: article.body).enumerated() {
            let path: String
            if RemoteImages.isRemote(figure.source) {
                guard case .file(let file, _, _)? = remote[figure.source] else { continue }
                path = file
            } else {
                guard let folder else { continue }
                path = url(of: figure.source, in: folder).path
            }
            if labels[path] == nil { labels[path] = label(index: index, source: figure.source) }
        }
        return labels
    }

    private static func folder(of source: String?) -> URL? {
        source.map { URL(fileURLWithPath: $0).deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath() }
    }

    private static func url(of figureSource: String, in folder: URL) -> URL {
        URL(fileURLWithPath: figureSource, relativeTo: folder).standardizedFileURL.resolvingSymlinksInPath()
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

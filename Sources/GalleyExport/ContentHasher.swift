import Crypto
import Foundation
import GalleyFiles
import GalleyFetch
import GalleyFonts
import GalleyModel
import GalleyStyle

/// Computes the content hash that decides whether an article's PDF is up to date.
///
/// The hash covers everything the PDF is made from: Galley's version, the resolved layout, the line
/// breaker, the bytes of every font file, the article's source bytes and the images it references.
/// Fonts and the layout are hashed once per run; images once per run per file, since many articles
/// share a logo.
public final class ContentHasher: Sendable {
    /// The hash of what every article in the run shares: version, layout, line breaker and fonts.
    public let runFingerprint: String
    private let imageDigests = Locked<[String: String]>([:])

    /// Fingerprints a run that sets articles in `sheet` with the fonts in `fontsDirectory`.
    public init(sheet: StyleSheet, lineBreaker: String?, fontsDirectory: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var lines = [
            "galley \(ArticleRenderer.version)",
            "layout \(Self.hex(SHA256.hash(data: try encoder.encode(sheet))))",
            "line-breaker \(lineBreaker ?? "layout")",
        ]
        // The sheet names the logo by path only; a new logo in the same file must rebuild every PDF too.
        if let logo = sheet.identity?.logo, let bytes = FileManager.default.contents(atPath: logo) {
            lines.append("logo \(Self.hex(SHA256.hash(data: bytes)))")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: fontsDirectory.path).filter { !$0.hasPrefix(".") }.sorted()
        // The bundled files (and the pin list, which names the pinned ones by their digests): remembered digests of
        // files unchanged since the last run, so that a run does not read 15 MB of fonts again.
        let digests = FileDigest.rememberedSHA256(ofFiles: names.map { fontsDirectory.appendingPathComponent($0).path })
        for name in names {
            guard let digest = digests[fontsDirectory.appendingPathComponent(name).path] else { continue }
            lines.append("font \(name) \(digest)")
        }
        runFingerprint = Self.hex(SHA256.hash(data: Data(lines.joined(separator: "\n").utf8)))
    }

    /// The content hash of the `index`th article of a file whose bytes hash to `sourceDigest`, with
    /// figure paths resolved against `folder` and remote images as the fetch phase found them (`remote`).
    public func hash(of article: Article, index: Int, sourceDigest: String, folder: URL, remote: [String: FetchedImage]? = nil) -> String {
        var lines = ["run \(runFingerprint)", "source \(sourceDigest)", "article \(index) \(article.id)"]
        for source in Self.figureSources(in: article) {
            if RemoteImages.isRemote(source) {
                // A remote image counts by its fetched bytes, so a changed image on the site rebuilds the PDF, and an
                // image that failed (drawn as alt text) is rebuilt once it can be fetched.
                switch remote?[source] {
                case .file(_, let digest, _)?: lines.append("image \(source) \(digest)")
                case .failed?: lines.append("image \(source) failed")
                case nil: lines.append("image \(source) not-fetched")
                }
                continue
            }
            let url = source.hasPrefix("/") ? URL(fileURLWithPath: source) : folder.appendingPathComponent(source)
            lines.append("image \(source) \(imageDigest(url.standardizedFileURL) ?? "missing")")
        }
        return Self.hex(SHA256.hash(data: Data(lines.joined(separator: "\n").utf8)))
    }

    private func imageDigest(_ url: URL) -> String? {
        if let known = imageDigests.withLock({ $0[url.path] }) { return known }
        guard let digest = Self.fileDigest(url) else { return nil }
        imageDigests.withLock { $0[url.path] = digest }
        return digest
    }

    /// Every figure's `source` in the article: body, notes and footnotes, nested blocks included.
    public static func figureSources(in article: Article) -> [String] {
        var sources: [String] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .figure(let figure): sources.append(figure.source)
                case .quote(let content, _), .note(_, let content): visit(content)
                case .list(_, let items): items.forEach(visit)
                default: break
                }
            }
        }
        visit(article.body)
        article.notes.forEach { visit($0.content) }
        article.footnotes.forEach { visit($0.content) }
        return sources
    }

    /// SHA-256 of `data` as lower-case hex.
    public static func sha256(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// SHA-256 of a regular file's contents, read in chunks so that large images never sit in memory; nil if it cannot be read.
    public static func fileDigest(_ url: URL) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return FileDigest.sha256(ofFile: url.path)
    }

    private static let digits = Array("0123456789abcdef".utf8)

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

import Crypto
import Foundation
import GalleyFiles

/// Layouts already loaded and checked, kept as bytes (`StyleSheetArchive`) by the SHA-256 of everything their loading
/// read, so that the next process skips parsing, decoding and validating them.
///
/// An entry is named by the digest of Galley's build (its executable's size and modification time), the layouts
/// folder, the layout file's path and bytes, the nesting limit it was checked against and the installed font
/// families; it lists the base layouts the file
/// extends, with their digests, which are read and compared on every use. Any difference is a miss, and a miss loads
/// the layout as if there were no cache (reporting its errors); a cache that cannot be read or written only costs time.
public struct CompiledLayoutCache: Sendable {
    /// The folder holding `<digest>.layout-sheet` files.
    public var directory: URL

    /// A cache in `directory`.
    public init(directory: URL) {
        self.directory = directory
    }

    private static let magic = Array("GLYC".utf8)

    /// What names an entry and what its use must find unchanged.
    struct Lookup {
        /// The entry's file.
        var url: URL
    }

    /// The entry for loading `file` (whose bytes are `text`) with `loader`.
    func lookup(file: URL, text: Data, loader: StyleSheetLoader) -> Lookup {
        var hasher = SHA256()
        for part in [Self.buildIdentity, loader.layoutsDirectory.standardizedFileURL.path, file.standardizedFileURL.path,
                     "nesting \(loader.limits.nestingDepth)"] {
            hasher.update(data: Data(part.utf8))
            hasher.update(data: Data([0]))
        }
        hasher.update(data: text)
        hasher.update(data: Data([0]))
        if let families = loader.installedFamilies {
            hasher.update(data: Data(families.sorted().joined(separator: "\n").utf8))
        } else {
            hasher.update(data: Data("no font check".utf8))
        }
        hasher.update(data: withUnsafeBytes(of: StyleSheetArchive.formatVersion.littleEndian) { Data($0) })
        let name = HexText.lowercase(hasher.finalize())
        return Lookup(url: directory.appendingPathComponent(name + ".layout-sheet"))
    }

    /// The sheet saved under `lookup`, if there is one and every base layout it lists is unchanged.
    func load(_ lookup: Lookup) -> StyleSheet? {
        guard let data = FileManager.default.contents(atPath: lookup.url.path) else { return nil }
        var reader = ByteReader(data)
        guard reader.bytes(Self.magic.count) == Self.magic, let baseCount = reader.count(limit: 64) else { return nil }
        for _ in 0..<baseCount {
            guard let path = reader.string(), let digest = reader.bytes(32),
                  let bytes = FileManager.default.contents(atPath: path), Array(SHA256.hash(data: bytes)) == digest else { return nil }
        }
        guard let sheetBytes = reader.bytes(reader.remaining) else { return nil }
        return StyleSheetArchive.decode(sheetBytes)
    }

    /// Saves `sheet`, loaded from a file that extends `bases` (path and bytes, base first), under `lookup`.
    func store(_ sheet: StyleSheet, bases: [(path: String, bytes: Data)], under lookup: Lookup) {
        guard let sheetBytes = StyleSheetArchive.encode(sheet) else { return }
        var writer = ByteWriter()
        writer.append(Self.magic)
        writer.count(bases.count)
        for base in bases {
            writer.string(base.path)
            writer.append(Array(SHA256.hash(data: base.bytes)))
        }
        writer.append(sheetBytes)
        try? OutputFile.write(Data(writer.bytes), to: lookup.url.path)
    }

    /// The running executable's size and modification time: a rebuilt Galley may read layouts differently, so it
    /// never uses what another build saved.
    static let buildIdentity: String = {
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 else { return "unknown build" }
        return "\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) \(status.st_ino)"
    }()
}

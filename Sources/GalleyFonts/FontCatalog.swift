import Foundation
import Synchronization

/// The font files Galley may use: those in its `Fonts/` folder and the system files its pin list names.
///
/// Nothing else is ever used (no system font, no user font), so a document comes out the same on every machine
/// that has the same files; pinned files are checked against their SHA-256 before use.
public struct FontCatalog: Sendable {
    /// The pin list's file name inside the fonts folder.
    public static let pinListName = "pinned-fonts.tsv"

    /// The folder of bundled font files.
    public let bundledDirectory: URL
    /// The bundled font files, sorted by name.
    public let bundledFiles: [String]
    /// The pinned system font files, in the order of the list.
    public let pinned: [PinnedFont]

    /// Every usable font file, bundled first.
    public var files: [String] { bundledFiles + pinned.map(\.path) }

    private static let loaded = Mutex<[String: FontCatalog]>([:])
    private static let familyNames = Mutex<[String: Set<String>]>([:])

    /// Every family name the fonts of `selection` declare, read once per process without opening a face.
    public func installedFamilies(_ selection: FontConfiguration.Selection = .all) throws -> Set<String> {
        // The raw value, not `\(selection)`: interpolating an enum goes through reflection (2 M instructions cold).
        let key = bundledDirectory.standardizedFileURL.path + "|" + selection.rawValue
        // Read under the lock: a second thread asking meanwhile (the command line's warm-up and the command itself,
        // see `Session.warmUp`) waits for this scan rather than making its own.
        return try Self.familyNames.withLock { known throws in
            if let families = known[key] { return families }
            let families = try FontConfiguration.familyNames(self, selection: selection)
            known[key] = families
            return families
        }
    }

    /// The catalog of `fontsDirectory`, checked once per process: every pinned file must exist and match its hash.
    public static func load(fontsDirectory: URL) throws -> FontCatalog {
        let key = fontsDirectory.standardizedFileURL.path
        // Checked under the lock, for the same reason as the families above.
        return try loaded.withLock { known throws in
            if let catalog = known[key] { return catalog }
            let catalog = try FontCatalog(fontsDirectory: fontsDirectory)
            known[key] = catalog
            return catalog
        }
    }

    private init(fontsDirectory: URL) throws {
        bundledDirectory = fontsDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fontsDirectory.path)) ?? []
        // Joined as text: `appendingPathComponent` costs 15,000 instructions a call, and there are ninety fonts.
        let folder = fontsDirectory.path.hasSuffix("/") ? fontsDirectory.path : fontsDirectory.path + "/"
        bundledFiles = names.filter { name in
            let lower = name.lowercased()
            return !name.hasPrefix(".") && (lower.hasSuffix(".ttf") || lower.hasSuffix(".otf") || lower.hasSuffix(".ttc"))
        }.sorted().map { folder + $0 }
        guard !bundledFiles.isEmpty else {
            throw FontError(file: fontsDirectory.path, message: "no font files found (Galley uses only the fonts in this folder and those in its \(Self.pinListName))")
        }
        let listURL = fontsDirectory.appendingPathComponent(Self.pinListName)
        if let data = FileManager.default.contents(atPath: listURL.path) {
            pinned = try PinnedFont.parse(String(decoding: data, as: UTF8.self), file: listURL.path)
            try PinVerifier(listFile: listURL.path).verify(pinned)
        } else {
            pinned = []
        }
    }
}

import CCairoPango
import Foundation

/// A fontconfig configuration holding exactly some of the catalog's fonts, whose cairo faces draw with Galley's own
/// FreeType faces.
///
/// Pango chooses fonts through it. The cairo faces Pango makes from its patterns must be faces cairo did not open
/// and will never close (see `FreeTypeFaces`). With `FontHooks` active, a pattern gets its face (`FC_FT_FACE`) when
/// Pango first makes a cairo face of it, so only the fonts a document uses are opened; otherwise every pattern is
/// given its face here. One configuration per Pango font map, like the font map itself, since neither is shared
/// between threads.
public final class FontConfiguration {
    /// Which of the catalog's fonts a configuration holds.
    public enum Selection: String, Sendable {
        /// The files of Galley's `Fonts/` folder: every script but Chinese, Japanese and Korean, small and quick to open.
        case bundled
        /// The bundled files and the pinned system files (the large CJK collections).
        case all
    }

    /// The fontconfig configuration (an `FcConfig *`), owned by this object.
    public let config: OpaquePointer
    /// Every family name the fonts declare (English and localised names alike).
    public let families: Set<String>

    /// Builds the configuration of `selection`'s fonts; throws when a font file cannot be opened here.
    public init(catalog: FontCatalog, selection: Selection = .all) throws {
        let config = try Self.scan(catalog, selection: selection)
        // With the hooks, faces are opened when first used: fontconfig read each face with FreeType to list it, and
        // a face that fails later is reported by the renderer, which opens the same faces.
        if !FontHooks.active {
            do {
                try Self.attachFaces(in: config)
            } catch {
                FcConfigDestroy(config)
                throw error
            }
        }
        let families = Self.families(in: config)
        guard !families.isEmpty else {
            FcConfigDestroy(config)
            throw FontError(file: catalog.bundledDirectory.path, message: "fontconfig found no usable fonts")
        }
        self.config = config
        self.families = families
    }

    deinit {
        FcConfigDestroy(config)
    }

    /// Makes fontconfig's process-wide default an empty configuration, once; for a process that is Galley's alone.
    ///
    /// Pango 1.50 starts a thread with a process's first font map that runs `FcInit`, which reads the system's whole
    /// configuration (`/etc/fonts`, some forty files, and the caches of every system font): a twelfth of a cold
    /// render's instructions, for a default Galley never uses, since every font map it makes has its own configuration.
    /// `FcInit` does nothing once a default is set, so setting an empty one first leaves that thread nothing to do.
    /// The `galley` command calls this before anything else; a program that links Galley's libraries and draws with
    /// system fonts of its own (cairo's toy text API, its own Pango font maps) must not.
    public static func quietSystemDefault() {
        _ = emptyDefault
    }

    private static let emptyDefault: Bool = {
        guard let empty = FcConfigCreate() else { return false }
        defer { FcConfigDestroy(empty) }
        // fontconfig keeps its own reference to the current configuration.
        return FcConfigSetCurrent(empty) != 0
    }()

    /// The family names of `selection`'s fonts, read from fontconfig's scan without opening any face.
    public static func familyNames(_ catalog: FontCatalog, selection: Selection) throws -> Set<String> {
        let config = try scan(catalog, selection: selection)
        defer { FcConfigDestroy(config) }
        return families(in: config)
    }

    /// Every family name the application font set's patterns declare.
    private static func families(in config: OpaquePointer) -> Set<String> {
        var families = Set<String>()
        guard let set = FcConfigGetFonts(config, FcSetApplication) else { return families }
        for index in 0..<Int(set.pointee.nfont) {
            if let pattern = set.pointee.fonts[index] { collectFamilies(of: pattern, into: &families) }
        }
        return families
    }

    /// A configuration whose application font set holds exactly `selection`'s files, as fontconfig scanned them.
    private static func scan(_ catalog: FontCatalog, selection: Selection) throws -> OpaquePointer {
        guard let config = FcConfigCreate() else {
            throw FontError(file: catalog.bundledDirectory.path, message: "fontconfig could not create a configuration")
        }
        // A bare configuration has no cache folder; give it one so that scans are cached and fontconfig stays quiet.
        let cacheXML = "<fontconfig><cachedir>\(CacheFolder.named("fontconfig").path)</cachedir></fontconfig>"
        _ = FcConfigParseAndLoadFromMemory(config, cacheXML, 0)
        // Folders are added whole because fontconfig caches folder scans (the CJK files alone take a second to scan);
        // files in them that are not selected are dropped below.
        let pinned = selection == .all ? catalog.pinned : []
        var folders = [catalog.bundledDirectory.path]
        for pin in pinned {
            let folder = (pin.path as NSString).deletingLastPathComponent
            if !folders.contains(folder) { folders.append(folder) }
        }
        for folder in folders { _ = FcConfigAppFontAddDir(config, folder) }
        keep(Set(catalog.bundledFiles + pinned.map(\.path)), in: config)
        return config
    }

    /// Drops the application font set's patterns whose files are not in `allowed`.
    private static func keep(_ allowed: Set<String>, in config: OpaquePointer) {
        guard let set = FcConfigGetFonts(config, FcSetApplication) else { return }
        var kept: [OpaquePointer] = []
        for index in 0..<Int(set.pointee.nfont) {
            guard let pattern = set.pointee.fonts[index] else { continue }
            if let file = file(of: pattern), allowed.contains(file) {
                kept.append(pattern)
            } else {
                // For a pattern read from fontconfig's cache this drops the cache's reference, as fontconfig itself does.
                FcPatternDestroy(pattern)
            }
        }
        for (index, pattern) in kept.enumerated() { set.pointee.fonts[index] = pattern }
        set.pointee.nfont = Int32(kept.count)
    }

    /// Replaces the application font set's patterns by copies that carry their FreeType face (without `FontHooks`).
    ///
    /// The patterns read from fontconfig's cache live in read-only memory, so each one is duplicated and the
    /// original released.
    private static func attachFaces(in config: OpaquePointer) throws {
        guard let set = FcConfigGetFonts(config, FcSetApplication) else { return }
        var failure: FontError?
        var kept: [OpaquePointer] = []
        for index in 0..<Int(set.pointee.nfont) {
            guard let pattern = set.pointee.fonts[index] else { continue }
            defer { FcPatternDestroy(pattern) }
            guard let file = file(of: pattern) else { continue }
            var faceIndex: Int32 = 0
            _ = FcPatternGetInteger(pattern, galley_fc_index(), 0, &faceIndex)
            guard let face = FreeTypeFaces.shared.face(file: file, index: Int(faceIndex)) else {
                failure = failure ?? FontError(file: file, message: "FreeType cannot open face \(faceIndex) of this font file")
                continue
            }
            guard let copy = FcPatternDuplicate(pattern) else { continue }
            FcPatternAddFTFace(copy, galley_fc_ft_face(), face)
            kept.append(copy)
        }
        for (index, pattern) in kept.enumerated() { set.pointee.fonts[index] = pattern }
        set.pointee.nfont = Int32(kept.count)
        if let failure { throw failure }
    }

    private static func file(of pattern: OpaquePointer) -> String? {
        var value: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(pattern, galley_fc_file(), 0, &value) == FcResultMatch, let value else { return nil }
        return String(cString: value)
    }

    private static func collectFamilies(of pattern: OpaquePointer, into families: inout Set<String>) {
        var index: Int32 = 0
        var family: UnsafeMutablePointer<FcChar8>?
        while FcPatternGetString(pattern, galley_fc_family(), index, &family) == FcResultMatch, let name = family {
            families.insert(String(cString: name))
            index += 1
        }
    }
}

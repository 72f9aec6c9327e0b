import Foundation
import GalleyFiles
import GalleyFonts
import GalleyStyle

/// Where Galley's data folders (`Layouts/`, `Fonts/`) are: `$GALLEY_HOME`, else the install prefix's `share/galley`
/// beside the executable, else the checkout the executable was built in, else the working directory.
public struct GalleyResources: Sendable {
    /// The folder holding `Layouts/` and `Fonts/`.
    public var root: URL

    /// Why the data is not there (the folders searched, in order), when the search found none; nil otherwise.
    public var missing: MissingResources?

    /// Uses `root` as the home folder.
    public init(root: URL) {
        self.root = root
        self.missing = nil
    }

    /// Finds the home folder for this process: from `$GALLEY_HOME`, its own executable and its working directory.
    public static func locate() -> GalleyResources {
        // Only the one variable read: `ProcessInfo.environment` copies the whole environment into a dictionary.
        let home = getenv("GALLEY_HOME").map { ["GALLEY_HOME": String(cString: $0)] } ?? [:]
        return locate(environment: home, executable: RunningExecutable.url(),
               workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    /// Finds the home folder in the documented order (docs/install.md) for an executable at `executable`
    /// (already symlink-resolved), so the order can be tested without moving the test's own binary.
    public static func locate(environment: [String: String], executable: URL?, workingDirectory: URL) -> GalleyResources {
        // An explicit home is taken as given, even without the data: silently searching elsewhere would hide a typo
        // and set articles with other layouts than the ones the user pointed at.
        if let home = environment["GALLEY_HOME"], !home.isEmpty {
            let root = (home.hasPrefix("/") ? URL(fileURLWithPath: home) : workingDirectory.appendingPathComponent(home)).standardizedFileURL
            var resources = GalleyResources(root: root)
            if !holdsData(root) { resources.missing = MissingResources(searched: [root], fromEnvironment: true) }
            return resources
        }
        var candidates: [URL] = []
        if let executable {
            let bin = executable.deletingLastPathComponent()
            // An installed binary: PREFIX/bin/galley reads PREFIX/share/galley.
            candidates.append(bin.deletingLastPathComponent().appendingPathComponent("share/galley"))
            // A binary in a checkout's .build/<config>/ (or .build/<triple>/<config>/): the checkout is a few folders up.
            var folder = bin
            for _ in 0..<6 {
                candidates.append(folder)
                folder = folder.deletingLastPathComponent()
            }
        }
        candidates.append(workingDirectory)
        var seen = Set<String>()
        candidates = candidates.map(\.standardizedFileURL).filter { seen.insert($0.path).inserted }
        if let found = candidates.first(where: holdsData) { return GalleyResources(root: found) }
        var resources = GalleyResources(root: workingDirectory)
        resources.missing = MissingResources(searched: candidates, fromEnvironment: false)
        return resources
    }

    /// Whether `folder` has both data folders.
    static func holdsData(_ folder: URL) -> Bool {
        ["Layouts", "Fonts"].allSatisfy { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder) && isFolder.boolValue
        }
    }

    /// The layouts folder.
    public var layouts: URL { root.appendingPathComponent("Layouts") }
    /// The bundled fonts folder.
    public var fonts: URL { root.appendingPathComponent("Fonts") }

    /// Fails with a message naming every folder searched when the data was not found.
    public func requireData() throws {
        if let missing { throw missing }
    }

    /// Loads the layout `nameOrPath`, refusing one that names a font Galley does not have (file, line and font), and
    /// gives it the identity and labels of `config` when there is one; a layout loaded before comes from the compiled
    /// layout cache (`$XDG_CACHE_HOME/galley/layouts`).
    public func layout(_ nameOrPath: String, config: GalleyConfig? = nil) throws -> StyleSheet {
        try requireData()
        let families = try FontCatalog.load(fontsDirectory: fonts).installedFamilies()
        let cache = CompiledLayoutCache(directory: CacheFolder.named("layouts"))
        let sheet = try StyleSheetLoader(layoutsDirectory: layouts, installedFamilies: families, cache: cache).load(nameOrPath)
        return config?.applied(to: sheet) ?? sheet
    }
}

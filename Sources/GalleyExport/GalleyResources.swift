import Foundation
import GalleyFonts
import GalleyStyle

/// Where Galley's data folders (`Layouts/`, `Fonts/`) are: `$GALLEY_HOME`, else beside the executable's checkout, else here.
public struct GalleyResources: Sendable {
    /// The folder holding `Layouts/` and `Fonts/`.
    public var root: URL

    /// Uses `root` as the home folder.
    public init(root: URL) {
        self.root = root
    }

    /// Finds the home folder from the environment, the executable's location, or the working directory.
    public static func locate() -> GalleyResources {
        let environment = ProcessInfo.processInfo.environment
        if let home = environment["GALLEY_HOME"], !home.isEmpty {
            return GalleyResources(root: URL(fileURLWithPath: home))
        }
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("Layouts").path)
            && FileManager.default.fileExists(atPath: candidate.appendingPathComponent("Fonts").path) {
            return GalleyResources(root: candidate)
        }
        return GalleyResources(root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    /// The layouts folder.
    public var layouts: URL { root.appendingPathComponent("Layouts") }
    /// The bundled fonts folder.
    public var fonts: URL { root.appendingPathComponent("Fonts") }

    /// Loads the layout `nameOrPath`, refusing one that names a font Galley does not have (file, line and font), and
    /// gives it the identity and labels of `config` when there is one.
    public func layout(_ nameOrPath: String, config: GalleyConfig? = nil) throws -> StyleSheet {
        let families = try FontCatalog.load(fontsDirectory: fonts).installedFamilies()
        let sheet = try StyleSheetLoader(layoutsDirectory: layouts, installedFamilies: families).load(nameOrPath)
        return config?.applied(to: sheet) ?? sheet
    }
}

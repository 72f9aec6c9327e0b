import GalleyExport
import GalleyStyle

/// Loads the default layout for tests.
enum GalleyStyleLoader {
    static func sheet(_ name: String = "article-a4") throws -> StyleSheet {
        try StyleSheetLoader(layoutsDirectory: GalleyResources(root: Workspace.root).layouts).load(name)
    }
}

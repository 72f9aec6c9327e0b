import Foundation
import Testing
import GalleyDiagnostics
import GalleyStyle

/// Checks galley.yaml: how it is found, what it sets, and that mistakes are named with file, line and key.
@Suite struct GalleyConfigLoaderTests {
    /// Writes `text` as galley.yaml in `folder` and loads it.
    static func load(_ text: String, in folder: URL) throws -> GalleyConfig {
        let file = folder.appendingPathComponent("galley.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return try GalleyConfigLoader().load(file.path)
    }

    /// The diagnostic loading `text` throws.
    static func diagnostic(_ text: String, in folder: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> Diagnostic? {
        do {
            _ = try load(text, in: folder)
            Issue.record("the config loaded without error", sourceLocation: sourceLocation)
        } catch let diagnostic as Diagnostic {
            return diagnostic
        }
        return nil
    }

    @Test func readsEveryKeyAndResolvesPathsFromTheFile() throws {
        try StyleSheetLoaderTests.withTemporaryFolder { folder in
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("brand/Layouts"), withIntermediateDirectories: true)
            try Data([0x89, 0x50, 0x4E, 0x47]).write(to: folder.appendingPathComponent("brand/logo.png"))
            try "extends: article-a4\n".write(to: folder.appendingPathComponent("brand/Layouts/mine.yaml"), atomically: true, encoding: .utf8)
            let config = try Self.load("""
                publication: The Example
                site: https://example.org
                logo: brand/logo.png
                colophon: Printed in the example.
                layout: brand/Layouts/mine.yaml
                labels: {en: {related: Further reading}}
                cms: {wordpress: {site: https://example.org, user: editor, password-env: EXAMPLE_PASSWORD}}
                """, in: folder)
            #expect(config.identity.publication == "The Example" && config.identity.site == "https://example.org")
            #expect(config.identity.colophon == "Printed in the example.")
            #expect(config.identity.logo == folder.appendingPathComponent("brand/logo.png").standardizedFileURL.path)
            #expect(config.layout == folder.appendingPathComponent("brand/Layouts/mine.yaml").standardizedFileURL.path)
            #expect(config.cms.wordpress == WordPressAccess(site: "https://example.org", user: "editor", passwordEnv: "EXAMPLE_PASSWORD"))
            let sheet = config.applied(to: try StyleSheetLoaderTests.loader.load("article-a4"))
            #expect(sheet.identity == config.identity)
            #expect(sheet.labels(for: "en").labels.related == "Further reading")
            #expect(sheet.labels(for: "en").labels.byline == "by {authors}")
        }
    }

    @Test func configLabelsWinOverTheLayoutsFieldByField() throws {
        try StyleSheetLoaderTests.withTemporaryFolder { folder in
            let layout = folder.appendingPathComponent("layout.yaml")
            try "extends: article-a4\nlabels: {fr: {related: A, notes: B}}\n".write(to: layout, atomically: true, encoding: .utf8)
            let config = try Self.load("labels: {fr: {related: C}}\n", in: folder)
            let labels = config.applied(to: try StyleSheetLoaderTests.loader.load(layout.path)).labels(for: "fr").labels
            #expect(labels.related == "C" && labels.notes == "B")
        }
    }

    @Test func unknownKeysAreLocatedWithASuggestion() throws {
        try StyleSheetLoaderTests.withTemporaryFolder { folder in
            let top = try #require(try Self.diagnostic("site: https://example.org\npublicaton: X\n", in: folder))
            #expect(top.line == 2 && top.path == "publicaton" && top.message.contains("did you mean publication?"), "\(top)")
            let nested = try #require(try Self.diagnostic("cms:\n  wordpress:\n    site: https://example.org\n    pasword-env: X\n", in: folder))
            #expect(nested.line == 4 && nested.path == "cms.wordpress.pasword-env" && nested.message.contains("password-env"), "\(nested)")
            let label = try #require(try Self.diagnostic("labels:\n  en: {bylin: x}\n", in: folder))
            #expect(label.line == 2 && label.path == "labels.en.bylin" && label.message.contains("byline"), "\(label)")
            #expect(top.description.hasPrefix(folder.appendingPathComponent("galley.yaml").path + ":2: publicaton: "))
        }
    }

    @Test func badValuesAreLocated() throws {
        try StyleSheetLoaderTests.withTemporaryFolder { folder in
            let site = try #require(try Self.diagnostic("publication: X\nsite: example.org\n", in: folder))
            #expect(site.line == 2 && site.path == "site", "\(site)")
            let logo = try #require(try Self.diagnostic("logo: missing.svg\n", in: folder))
            #expect(logo.line == 1 && logo.path == "logo" && logo.message.contains("no file"), "\(logo)")
            let kind = try #require(try Self.diagnostic("logo: logo.gif\n", in: folder))
            #expect(kind.path == "logo" && kind.message.contains(".png or .svg"), "\(kind)")
            let placeholder = try #require(try Self.diagnostic("labels:\n  en:\n    byline: \"by {author}\"\n", in: folder))
            #expect(placeholder.line == 3 && placeholder.path == "labels.en.byline", "\(placeholder)")
            let type = try #require(try Self.diagnostic("publication: [a, b]\n", in: folder))
            #expect(type.line == 1 && type.path == "publication", "\(type)")
            let layout = try #require(try Self.diagnostic("layout: Layouts/none.yaml\n", in: folder))
            #expect(layout.path == "layout" && layout.message.contains("relative to galley.yaml"), "\(layout)")
            let password = try #require(try Self.diagnostic("cms: {wordpress: {site: https://example.org, password-env: X}}\n", in: folder))
            #expect(password.path == "cms.wordpress" && password.message.contains("user"), "\(password)")
        }
    }

    @Test func isFoundInTheFolderOrAbove() throws {
        try StyleSheetLoaderTests.withTemporaryFolder { folder in
            let deep = folder.appendingPathComponent("a/b/c")
            try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
            #expect(GalleyConfigLoader.find(from: deep).map { $0.path.hasPrefix(folder.path) } != true)
            try "publication: Outer\n".write(to: folder.appendingPathComponent("galley.yaml"), atomically: true, encoding: .utf8)
            try "publication: Inner\n".write(to: folder.appendingPathComponent("a/galley.yaml"), atomically: true, encoding: .utf8)
            #expect(GalleyConfigLoader.find(from: deep)?.standardizedFileURL.path == folder.appendingPathComponent("a/galley.yaml").standardizedFileURL.path)
            #expect(GalleyConfigLoader.find(from: folder)?.lastPathComponent == "galley.yaml")
            // An empty file (all comments) is a config that sets nothing.
            #expect(try Self.load("# nothing yet\n", in: folder) == GalleyConfig(file: folder.appendingPathComponent("galley.yaml").path))
        }
    }

    @Test func suggestionsAreOnlyForTypos() {
        #expect(KeySuggestion.closest(to: "colophn", in: ["colophon", "site"]) == "colophon")
        #expect(KeySuggestion.closest(to: "banner", in: ["colophon", "site"]) == nil)
    }
}

import Foundation
import Testing
import GalleyDiagnostics
import GalleyModel
import GalleyStyle

/// Checks that the bundled layouts load (with `extends`), and that bad layouts give errors naming file, line and key.
@Suite struct StyleSheetLoaderTests {
    static let layouts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Layouts")

    static let loader = StyleSheetLoader(layoutsDirectory: layouts)

    /// A fresh folder under the system's temporary directory, removed after `body` runs.
    static func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("galley-unit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    /// Writes `text` to `name` in `folder` and loads it, returning the diagnostic it throws.
    static func diagnostic(loading text: String, name: String = "bad.yaml", in folder: URL,
                           sourceLocation: SourceLocation = #_sourceLocation) throws -> (Diagnostic, String)? {
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try loader.load(file.path)
            Issue.record("the layout loaded without error", sourceLocation: sourceLocation)
        } catch let diagnostic as Diagnostic {
            return (diagnostic, file.path)
        } catch {
            Issue.record("expected a Diagnostic, got \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    @Test func a4LayoutLoads() throws {
        let sheet = try Self.loader.load("article-a4")
        // Galley's layouts name no publisher: the identity comes from galley.yaml.
        #expect(sheet.identity == nil)
        #expect(sheet.footer.logo == .left && sheet.header.logo == LogoPosition.none)
        #expect(abs(sheet.page.size.width.points - 595.28) < 0.01)
        #expect(abs(sheet.page.size.height.points - 841.89) < 0.01)
        // 24 mm = 24 × 72 / 25.4 pt on each side.
        #expect(abs(sheet.page.margins.inner.points - 24 * 72 / 25.4) < 1e-9)
        #expect(abs(sheet.textWidth - (595.28 - 2 * 24 * 72 / 25.4)) < 1e-9)
        #expect(sheet.styles.body.size.points == 10.5)
        #expect(sheet.styles.body.align == .justify)
        #expect(sheet.styles.kicker.uppercase)
        // Labels are built in; the layout overrides none, and a language Galley has no words for gets English.
        #expect(sheet.labels(for: "ru").entry == "ru" && sheet.labels(for: "ru").labels.folio.contains("{page}"))
        #expect(sheet.labels(for: "zh-TW").entry == "zh-Hant")
        #expect(sheet.labels(for: "xx").entry == nil && sheet.labels(for: "xx").labels == BuiltInLabels.all["en"])
        #expect(sheet.fonts["serif"]?.family(for: .han, language: LanguageTag("ja")) == "Noto Serif CJK JP")
        #expect(sheet.pagination.widows == 2)
    }

    @Test func letterLayoutExtendsA4() throws {
        let sheet = try Self.loader.load("article-letter")
        #expect(sheet.page.size.width.points == 612)
        #expect(sheet.page.size.height.points == 792)
        #expect(sheet.page.margins.inner.points == 72)
        #expect(abs(sheet.page.margins.top.points - 0.9 * 72) < 1e-9)
        // Overridden in the letter file.
        #expect(sheet.styles.body.font == "sans")
        #expect(sheet.styles.body.size.points == 10)
        #expect(sheet.styles.body.leading.points == 13.5)
        #expect(sheet.styles.body.align == .left)
        #expect(sheet.header.right == "{authors}")
        #expect(sheet.header.rule.points == 0)
        // Inherited from article-a4, key by key inside the overridden mappings.
        #expect(sheet.styles.body.hyphenate == true)
        #expect(sheet.styles.body.color == "#1a1a1a")
        #expect(sheet.header.left == "{publication}")
        #expect(sheet.header.offset.points == 14)
        #expect(sheet.identity == nil)
        #expect(sheet.styles.kicker == (try Self.loader.load("article-a4")).styles.kicker)
    }

    @Test func loadsByPathAsWellAsByName() throws {
        let byPath = try Self.loader.load(Self.layouts.appendingPathComponent("article-letter.yaml").path)
        #expect(byPath == (try Self.loader.load("article-letter")))
    }

    @Test func unknownKeyNamesFileLineAndKeyPath() throws {
        try Self.withTemporaryFolder { folder in
            let text = """
                extends: article-a4
                styles:
                  body:
                    sise: 11
                """
            let (diagnostic, path) = try #require(try Self.diagnostic(loading: text, in: folder))
            #expect(diagnostic.file == path)
            #expect(diagnostic.line == 4)
            #expect(diagnostic.path == "styles.body.sise")
            #expect(diagnostic.message.hasPrefix("unknown key (expected one of:"))
            #expect(diagnostic.message.contains("size"))
            #expect(diagnostic.description.hasPrefix("\(path):4: styles.body.sise: unknown key"))
        }
    }

    @Test func aLayoutNestedThousandsDeepIsALocatedErrorNotACrash() throws {
        try Self.withTemporaryFolder { folder in
            let text = "extends: article-a4\nstyles: " + String(repeating: "{a: ", count: 5_000) + String(repeating: "}", count: 5_000) + "\n"
            let (diagnostic, path) = try #require(try Self.diagnostic(loading: text, in: folder))
            #expect(diagnostic.file == path)
            #expect(diagnostic.line == 2)
            #expect(diagnostic.message.hasPrefix("nesting deeper than 200 levels (the nesting-depth limit"))
        }
    }

    @Test func unknownTopLevelKeyIsReported() throws {
        try Self.withTemporaryFolder { folder in
            let text = "extends: article-a4\n\nindentAfterHeadings: true\n"
            let (diagnostic, path) = try #require(try Self.diagnostic(loading: text, in: folder))
            #expect(diagnostic.description.hasPrefix("\(path):3: indentAfterHeadings: unknown key"))
        }
    }

    struct BadValue: Sendable, CustomTestStringConvertible {
        var yaml: String
        var path: String
        var message: String
        var testDescription: String { yaml }
    }

    @Test(arguments: [
        BadValue(yaml: "  body: {align: centre}", path: "styles.body.align", message: "centre"),
        BadValue(yaml: "  body: {size: -3}", path: "styles.body.size", message: "a type size must be between 0 and 200 pt"),
        BadValue(yaml: "  body: {color: red}", path: "styles.body.color", message: "\"red\" is not a colour (write #rrggbb)"),
        BadValue(yaml: "  body: {size: 10, leading: 2}", path: "styles.body.leading", message: "is too tight for 10"),
        BadValue(yaml: "  body: {size: 12 furlongs}", path: "styles.body.size", message: "is not a length"),
    ])
    func badValueGivesAClearError(_ bad: BadValue) throws {
        try Self.expectRefused(bad, under: "styles", onLines: 3...3)
    }

    /// Loads a layout extending article-a4 whose `section` holds `bad.yaml`, and expects it refused with a diagnostic
    /// naming the file, `bad.path`, a line in `lines` and `bad.message`.
    static func expectRefused(_ bad: BadValue, under section: String, onLines lines: ClosedRange<Int>,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        try withTemporaryFolder { folder in
            let text = "extends: article-a4\n\(section):\n\(bad.yaml)\n"
            let (diagnostic, path) = try #require(try diagnostic(loading: text, in: folder, sourceLocation: sourceLocation),
                                                  sourceLocation: sourceLocation)
            #expect(diagnostic.file == path, sourceLocation: sourceLocation)
            #expect(diagnostic.path == bad.path, "\(diagnostic)", sourceLocation: sourceLocation)
            #expect(lines.contains(diagnostic.line ?? 0), "\(diagnostic)", sourceLocation: sourceLocation)
            #expect(diagnostic.message.contains(bad.message), "\(diagnostic)", sourceLocation: sourceLocation)
        }
    }

    @Test func unknownPaperSizeIsReported() throws {
        try Self.withTemporaryFolder { folder in
            let text = "extends: article-a4\npage:\n  size: A7\n"
            let (diagnostic, _) = try #require(try Self.diagnostic(loading: text, in: folder))
            #expect(diagnostic.path == "page.size")
            #expect(diagnostic.line == 3)
            #expect(diagnostic.message.hasPrefix("unknown paper size \"A7\""))
        }
    }

    @Test func unknownCompressionIsReported() throws {
        try Self.withTemporaryFolder { folder in
            let text = "extends: article-a4\npdf:\n  compression: tiny\n"
            let (diagnostic, _) = try #require(try Self.diagnostic(loading: text, in: folder))
            #expect(diagnostic.path == "pdf.compression")
            #expect(diagnostic.line == 3)
            #expect(diagnostic.message.contains("tiny"), "\(diagnostic)")
        }
    }

    @Test func oversizeImagesAreDownsampledUnlessTheLayoutSaysOtherwise() throws {
        #expect(try Self.loader.load("article-a4").images.oversize == .downsample)
        try Self.withTemporaryFolder { folder in
            let (diagnostic, _) = try #require(try Self.diagnostic(loading: "extends: article-a4\nimages:\n  oversize: shrink\n", in: folder))
            #expect(diagnostic.path == "images.oversize")
            #expect(diagnostic.message.contains("shrink"), "\(diagnostic)")
            let file = folder.appendingPathComponent("placeholder.yaml")
            try "extends: article-a4\nimages: {oversize: placeholder}\n".write(to: file, atomically: true, encoding: .utf8)
            #expect(try Self.loader.load(file.path).images.oversize == .placeholder)
        }
    }

    @Test func extendsCycleIsDetected() throws {
        try Self.withTemporaryFolder { folder in
            try "extends: second.yaml\nindentAfterHeading: true\n".write(to: folder.appendingPathComponent("first.yaml"), atomically: true, encoding: .utf8)
            try "extends: first.yaml\nindentAfterHeading: false\n".write(to: folder.appendingPathComponent("second.yaml"), atomically: true, encoding: .utf8)
            do {
                _ = try Self.loader.load(folder.appendingPathComponent("first.yaml").path)
                Issue.record("a cycle of layouts loaded")
            } catch let diagnostic as Diagnostic {
                #expect(diagnostic.path == "extends")
                #expect(diagnostic.message.contains("cycle"))
                #expect(diagnostic.file.hasSuffix("first.yaml"))
            }
        }
    }

    @Test func layoutNamingAPublisherIsRefused() throws {
        try Self.withTemporaryFolder { folder in
            let (diagnostic, file) = try #require(try Self.diagnostic(loading: "extends: article-a4\n\npublication: Somebody\n", in: folder))
            #expect(diagnostic.file == file && diagnostic.line == 3 && diagnostic.path == "publication")
            #expect(diagnostic.message.contains("galley.yaml"))
        }
    }

    @Test func runningLineLogoIsCheckedAndOptional() throws {
        try Self.withTemporaryFolder { folder in
            let (bad, _) = try #require(try Self.diagnostic(loading: "extends: article-a4\nfooter: {logo: middle}\n", in: folder))
            #expect(bad.line == 2 && bad.path?.hasPrefix("footer.logo") == true, "\(bad)")
            let (tall, _) = try #require(try Self.diagnostic(loading: "extends: article-a4\nheader: {logoHeight: 0}\n", in: folder))
            #expect(tall.path == "header.logoHeight", "\(tall)")
            let file = folder.appendingPathComponent("right.yaml")
            try "extends: article-a4\nheader: {logo: right, left: \"{site}\", right: \"{colophon}\"}\n".write(to: file, atomically: true, encoding: .utf8)
            let sheet = try Self.loader.load(file.path)
            #expect(sheet.header.logo == .right && sheet.header.logoHeight.points == 10)
        }
    }

    @Test func layoutExtendingItselfIsACycle() throws {
        try Self.withTemporaryFolder { folder in
            let (diagnostic, _) = try #require(try Self.diagnostic(loading: "extends: self.yaml\n", name: "self.yaml", in: folder))
            #expect(diagnostic.message.contains("cycle"))
        }
    }

    @Test func missingLayoutIsReported() throws {
        do {
            _ = try Self.loader.load("no-such-layout")
            Issue.record("a missing layout loaded")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.file.hasSuffix("no-such-layout.yaml"))
            #expect(diagnostic.message == "no such layout file")
        }
    }

    @Test func yamlSyntaxErrorGivesALine() throws {
        try Self.withTemporaryFolder { folder in
            let text = "extends: article-a4\nstyles:\n  body: {size: 10\n  kicker: {}\n"
            let (diagnostic, _) = try #require(try Self.diagnostic(loading: text, in: folder))
            #expect(diagnostic.message.hasPrefix("YAML syntax"))
            #expect(diagnostic.line != nil)
        }
    }
}

/// A layout that names a font family Galley does not have is refused, naming the file, the line and the key.
@Suite struct LayoutFontCheckTests {
    /// A layout file extending the default one with `text`, in a folder of its own, removed by `body`'s end.
    private func withLayout(_ text: String, _ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("galley-layout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let layout = folder.appendingPathComponent("mine.yaml")
        try Data(("extends: article-a4\n" + text).utf8).write(to: layout)
        try body(layout)
    }

    @Test func aMissingFamilyIsAnErrorWithItsLine() throws {
        // Every family the default layout names is installed; the new layout misspells one.
        let base = try StyleSheetLoader(layoutsDirectory: StyleSheetLoaderTests.layouts).load("article-a4")
        let installed = Set(base.fonts.values.flatMap(\.allFamilies))
        let loader = StyleSheetLoader(layoutsDirectory: StyleSheetLoaderTests.layouts, installedFamilies: installed)
        try withLayout("fonts:\n  serif:\n    default: Noto Serif\n    arabic: Noto Naskh Arabc\n") { layout in
            do {
                _ = try loader.load(layout.path)
                Issue.record("a layout naming a missing font was accepted")
            } catch let error as Diagnostic {
                #expect(error.file == layout.path)
                #expect(error.line == 5)
                #expect(error.path == "fonts.serif.arabic")
                #expect(error.message.contains("\"Noto Naskh Arabc\""), "\(error.message)")
            }
        }
    }

    @Test(arguments: ["1:2:3:4:5:6:7:8:9:10:11:12", "-999999999999999999:59", "+1:0:0:0:0:0:0:0:0:0:0"])
    func aBase60NumberTooLargeToHoldIsRefusedWithItsLine(_ value: String) throws {
        // YAML 1.1 reads colon-joined digits as base 60, and Yams traps when they overflow (found by fuzzing).
        try StyleSheetLoaderTests.withTemporaryFolder { folder in
            let diagnostic = try #require(try StyleSheetLoaderTests.diagnostic(loading: "extends: article-a4\npagination:\n  widows: \(value)\n", in: folder)).0
            #expect(diagnostic.line == 3)
            #expect(diagnostic.message.contains("base-60 number"), "\(diagnostic.message)")
        }
    }

    @Test func anUnknownScriptKeyIsAnError() throws {
        try withLayout("fonts:\n  serif:\n    default: Noto Serif\n    klingon: Noto Serif\n") { layout in
            #expect(throws: Diagnostic.self) { try StyleSheetLoader(layoutsDirectory: StyleSheetLoaderTests.layouts).load(layout.path) }
        }
    }
}

import Foundation
import GalleyExport
import GalleyLayout
import GalleyRender
import Testing

/// Checks issue bundles: golden dump, contents page numbers against the pages, right-hand starts, outline, errors.
@Suite struct BundleTests {
    static let issue = Workspace.fixtures.appendingPathComponent("issue/three-articles.yaml").path

    private func bundle() throws -> IssueBundler.Result {
        try IssueBundler(resources: GalleyResources(root: Workspace.root), jobs: 2).bundle(Self.issue)
    }

    @Test func threeArticleIssueMatchesTheGolden() async throws {
        let dump = BoxDump().render(try bundle().document).replacingOccurrences(of: Workspace.root.path + "/", with: "")
        let golden = Workspace.root.appendingPathComponent("Tests/GalleyEndToEndTests/Goldens/issue-three-articles.boxes")
        if ProcessInfo.processInfo.environment["GALLEY_RECORD"] == "1" {
            try dump.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(dump == expected, "bundle dump differs from \(golden.lastPathComponent) (re-record with GALLEY_RECORD=1 after reviewing)")
    }

    @Test func theIssueHasTheSameBytesWhateverTheNumberOfJobs() async throws {
        // Layout runs on `jobs` threads, and so does finishing the one PDF (pages rewritten, streams compressed).
        let resources = GalleyResources(root: Workspace.root)
        let one = try IssueBundler(resources: resources, jobs: 1).bundle(Self.issue).data
        let three = try IssueBundler(resources: resources, jobs: 3).bundle(Self.issue).data
        #expect(one == three, "jobs 1: \(one.count) bytes, jobs 3: \(three.count)")
        #expect(one.count > 10_000)
    }

    @Test func contentsPageNumbersAreWhereTheTitlesLand() async throws {
        let result = try bundle()
        let pdf = try Workspace.temporaryFolder().appendingPathComponent("issue.pdf")
        try result.data.write(to: pdf)
        // pdfinfo -dests: "   3 [ XYZ ...] "a9062-title"".
        var titlePages: [String: Int] = [:]
        for line in try await Workspace.poppler("pdfinfo", ["-dests", pdf.path]).split(separator: "\n") {
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            guard let page = columns.first.flatMap({ Int($0) }), let name = columns.last, name.hasSuffix("-title\"") else { continue }
            titlePages[String(name.dropFirst(2).dropLast(7))] = page
        }
        #expect(titlePages.count == 3)
        let contents = try await Workspace.poppler("pdftotext", ["-f", "2", "-l", "2", "-layout", pdf.path, "-"])
        let entries: [(id: String, title: String)] = [("9062", "Support the Russian-Ukrainian resistance"), ("9104", "Energy workers in numbers"),
                                                      ("9101", "Marseille : le syndicat de locataires")]
        for entry in entries {
            let line = contents.split(separator: "\n").first { $0.contains(entry.title) }
            let printed = line.flatMap { $0.split(separator: " ").last.flatMap { Int($0) } }
            #expect(printed != nil, "no contents line for \(entry.title)")
            #expect(printed == titlePages[entry.id], "contents say \(printed ?? -1) for \(entry.id), title is on \(titlePages[entry.id] ?? -1)")
            #expect((titlePages[entry.id] ?? 0) % 2 == 1, "article \(entry.id) does not start on a right-hand page")
        }
    }

    @Test func blankPagesAreReallyBlankAndTheOutlineNestsSectionsArticlesHeadings() async throws {
        let document = try bundle().document
        let plannedBlank = document.pages.indices.filter { document.pages[$0].items.isEmpty }
        #expect(!plannedBlank.isEmpty, "the fixture needs a blank left page before a right-hand start")
        for index in plannedBlank { #expect((index + 1) % 2 == 0, "blank page \(index + 1) is not a left-hand page") }
        let outline = document.outline.map { "\($0.level) \($0.title)" }
        #expect(outline.prefix(3) == ["0 Contents", "0 Russia", "1 Support the Russian-Ukrainian resistance against accelerated fascisation"])
        #expect(outline.contains("2 A conscription that does not say its name"))
        #expect(outline.contains("0 Housing"))
        #expect(document.outline.allSatisfy { $0.level <= 2 })
    }

    @Test func anArticleKeepsItsLinesInTheBundle() async throws {
        let result = try bundle()
        let sheet = try GalleyStyleLoader.sheet()
        let renderer = try ArticleRenderer(sheet: sheet, resources: GalleyResources(root: Workspace.root))
        let path = Workspace.example("iv-9062.json")
        let layout = renderer.articleLayout(try ArticleSource.read(path), source: path)
        let start = try #require(result.document.pages.firstIndex { $0.items.contains { $0.item == .destination("a9062-title") } })
        // Every item of the article's own text block is on the bundle's page, moved only by the margins.
        for (offset, items) in layout.pages.enumerated() {
            let index = start + offset
            let page = result.document.pages[index]
            let left = index % 2 == 0 ? sheet.page.margins.inner.points : sheet.page.margins.outer.points
            for item in items {
                if case .destination = item.item { continue }
                let origin = Point(x: left + item.origin.x, y: sheet.page.margins.top.points + item.origin.y)
                let found = page.items.first { $0.origin == origin && $0.item == item.item }
                #expect(found != nil, "page \(index + 1) lacks \(item)")
                // It still belongs to the same kind of element, renumbered into the issue's structure.
                if let found, item.node >= 0 {
                    #expect(result.document.structure[Int(found.node)].role == layout.structure[Int(item.node)].role)
                }
            }
        }
    }

    @Test func aBundleReusesTheLayoutsAnExportKept() async throws {
        let folder = try Workspace.temporaryFolder()
        let export = try await Workspace.galley(["export", Workspace.root.appendingPathComponent("Examples").path, "--out-dir", folder.path,
                                           "--keep-layouts", "--quiet"])
        #expect(export.status == 0, "\(export.stderr)")
        let issue = Workspace.root.appendingPathComponent("Examples/issue.yaml").path
        let cached = try await Workspace.galley(["bundle", issue, "-o", folder.appendingPathComponent("issue.pdf").path])
        #expect(cached.stderr.contains("5 of 5 layouts reused"), "\(cached.stderr)")
        let fresh = try await Workspace.galley(["bundle", issue, "-o", folder.appendingPathComponent("fresh.pdf").path, "--no-cache"])
        #expect(fresh.stderr.contains("0 of 5 layouts reused"), "\(fresh.stderr)")
        let reused = try Data(contentsOf: folder.appendingPathComponent("issue.pdf"))
        let laidOut = try Data(contentsOf: folder.appendingPathComponent("fresh.pdf"))
        #expect(reused == laidOut, "a bundle from cached layouts differs from one laid out afresh")
    }

    @Test func aBadIssueFileIsLocated() async throws {
        let path = Workspace.fixtures.appendingPathComponent("issue/bad-key.yaml").path
        let result = try await Workspace.galley(["bundle", path, "-o", "/tmp/never-issue.pdf"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(path):4: cover.imag: unknown field"), "\(result.stderr)")
    }

    @Test func everyPostOfAWordPressExportIsBoundAndOddEntriesAreNamed() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("galley-bundle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("images"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Workspace.root.appendingPathComponent("Tests/GalleyIngestTests/Fixtures/wxr-sample.xml"),
                                         to: folder.appendingPathComponent("site.xml"))
        let issue = folder.appendingPathComponent("issue.yaml")
        try "publication: P\ntitle: T\nsections:\n  - title: A\n    articles: [site.xml]\n".write(to: issue, atomically: true, encoding: .utf8)
        let bound = try IssueBundler(resources: GalleyResources(root: Workspace.root), jobs: 2).bundle(issue.path, cache: nil)
        let posts = try ArticleSource.readAll(folder.appendingPathComponent("site.xml").path)
        #expect(posts.count > 1)
        // Each post is an article of the issue, with its own entry in the outline, in the export's order.
        let titles = bound.document.outline.filter { $0.level == 1 }.map(\.title)
        #expect(titles == posts.map(\.article.title), "\(titles)")

        // A folder or a named pipe listed as an article is refused by name, never read (a pipe would block).
        #expect(mkfifo(folder.appendingPathComponent("pipe.json").path, 0o644) == 0)
        for (entry, reason) in [("images", "is a folder, not a file"), ("pipe.json", "is a named pipe (FIFO), not a regular file")] {
            try "publication: P\ntitle: T\nsections:\n  - title: A\n    articles: [\(entry)]\n".write(to: issue, atomically: true, encoding: .utf8)
            let result = try await Workspace.galley(["bundle", issue.path, "-o", folder.appendingPathComponent("never.pdf").path])
            #expect(result.status == 1)
            #expect(result.stderr.contains("\(entry): \(reason)"), "\(result.stderr)")
        }
    }
}

import Foundation
import GalleyExport
import GalleyModel
import GalleyTestSupport
import Testing

/// Galley's PDFs read back by tools that did not write them: `scripts/pdf-structure-check.py` (pikepdf) walks the
/// structure tree and the content, `pdfinfo` says whether the file is tagged, `qpdf --check` its syntax. Every
/// example and the reader fixtures (articles this project did not write), with the default and every standard.
@Suite(.serialized) struct TaggedPDFTests {
    /// What the structure checker read from one file.
    struct Checked {
        var status: Int32
        var violations: [String]
        var tree: [String: Any]

        /// Every element below the root, depth first, in reading order.
        var elements: [[String: Any]] {
            var result: [[String: Any]] = []
            func visit(_ node: [String: Any]) {
                for kid in node["kids"] as? [[String: Any]] ?? [] {
                    result.append(kid)
                    visit(kid)
                }
            }
            visit(tree)
            return result
        }

        /// The roles of every element, in reading order.
        var roles: [String] { elements.compactMap { $0["role"] as? String } }
    }

    static func check(_ pdf: URL) async throws -> Checked {
        let script = Workspace.root.appendingPathComponent("scripts/pdf-structure-check.py").path
        let result = try await Workspace.run("/usr/bin/python3", [script, pdf.path])
        let json = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any] ?? [:]
        return Checked(status: result.status, violations: json["violations"] as? [String] ?? [], tree: json["tree"] as? [String: Any] ?? [:])
    }

    static func render(_ source: String, standard: String?, to folder: URL, extra: [String] = []) async throws -> URL {
        let name = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent + "-\(standard ?? "default").pdf"
        let output = folder.appendingPathComponent(name)
        let result = try await Workspace.galley(["render", source, "-o", output.path] + (standard.map { ["--pdf-standard", $0] } ?? []) + extra)
        #expect(result.status == 0, "\(source): \(result.stderr)")
        return output
    }

    /// The articles: every example and the reader fixtures in Markdown, HTML and WordPress JSON.
    static var sources: [String] {
        let fixtures = Workspace.root.appendingPathComponent("Tests/GalleyIngestTests/Fixtures")
        let examples = (try? FileManager.default.contentsOfDirectory(atPath: Workspace.root.appendingPathComponent("Examples").path)) ?? []
        return examples.filter { $0.hasSuffix(".json") }.sorted().map(Workspace.example) + ["iv-9062.md", "iv-9062.html", "wp-post.json"].map { fixtures.appendingPathComponent($0).path }
    }

    static func blocks(_ blocks: [Block]) -> [Block] {
        blocks.flatMap { block -> [Block] in
            switch block {
            case .quote(let content, _), .note(_, let content): return [block] + Self.blocks(content)
            case .list(_, let items): return [block] + items.flatMap { Self.blocks($0) }
            default: return [block]
            }
        }
    }

    @Test(arguments: [nil, "ua-1", "a-2b", "a-3b"])
    func everyArticleIsTaggedAsItsStructureSays(standard: String?) async throws {
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for source in Self.sources {
            let format = source.hasSuffix("wp-post.json") ? "wordpress" : nil
            let pdf = try await Self.render(source, standard: standard, to: folder, extra: format.map { ["--from", $0] } ?? [])
            let checked = try await Self.check(pdf)
            #expect(checked.status == 0 && checked.violations.isEmpty, "\(source) \(standard ?? ""): \(checked.violations)")
            #expect(try await Workspace.poppler("pdfinfo", [pdf.path]).contains("Tagged:          yes"))
            let qpdf = try await Workspace.run("/usr/bin/qpdf", ["--check", pdf.path])
            #expect(qpdf.status == 0 && !qpdf.text.contains("WARNING"), "\(source): \(qpdf.text)")

            // The tree holds what the article holds.
            let article = try ArticleSource.read(source, format: format)
            let body = Self.blocks(article.body)
            let roles = checked.roles
            #expect(roles.first == "Document" && roles.dropFirst().first == "Art")
            #expect(roles.filter { $0 == "H1" }.count == 1, "\(source): the title is the one H1")
            let headings = body.filter { if case .heading = $0 { return true }; return false }.count
            #expect(roles.filter { ["H2", "H3", "H4"].contains($0) }.count >= headings, "\(source)")
            let figures = body.compactMap { block -> Figure? in if case .figure(let figure) = block { return figure }; return nil }
            let drawnFigures = checked.elements.filter { $0["role"] as? String == "Figure" }
            #expect(drawnFigures.count == figures.count, "\(source)")
            for (figure, element) in zip(figures, drawnFigures) where !figure.alt.isEmpty {
                #expect(element["alt"] as? String == figure.alt)
            }
            let tables = body.filter { if case .table = $0 { return true }; return false }.count
            #expect(roles.filter { $0 == "Table" }.count == tables, "\(source)")
            #expect(roles.filter { $0 == "Note" }.count == article.footnotes.count, "\(source)")
            let lists = body.filter { if case .list = $0 { return true }; return false }.count
            #expect(roles.filter { $0 == "L" }.count >= lists, "\(source)")
        }
    }

    @Test func theStructureIsReadInTheArticlesOrder() async throws {
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try await Self.render(Workspace.example("energy-workers-in-numbers.json"), standard: "ua-1", to: folder)
        let tree = try await Workspace.poppler("pdfinfo", ["-struct-text", pdf.path])
        // poppler's own reading of the tree: the headings and the figure's caption in the article's order.
        let marks = ["Energy workers in numbers", "The last coal-", "Jobs by sector"]
        let positions = marks.map { tree.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(tree.prefix(2000))")
        let found = positions.compactMap { $0 }
        #expect(found == found.sorted())
        #expect(tree.contains("/Scope /Column"))
    }

    @Test func aPDFAThreeCarriesItsArticleAndExtractGivesItBack() async throws {
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, source) in Self.sources.enumerated() {
            let format = source.hasSuffix("wp-post.json") ? "wordpress" : nil
            let pdf = try await Self.render(source, standard: "a-3b", to: folder, extra: format.map { ["--from", $0] } ?? [])
            if index % 4 == 0 {
                let again = try await Self.render(source, standard: "a-3b", to: try Workspace.temporaryFolder(), extra: format.map { ["--from", $0] } ?? [])
                #expect(try Data(contentsOf: pdf) == Data(contentsOf: again), "\(source): two runs differ")
            }
            let extracted = folder.appendingPathComponent("extracted.json")
            let result = try await Workspace.galley(["extract", pdf.path, "-o", extracted.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try ArticleSource.read(extracted.path) == ArticleSource.read(source, format: format), "\(source)")
        }
        // A PDF without an embedded article says so.
        let plain = try await Self.render(Workspace.example("iv-9062.json"), standard: nil, to: folder)
        let refused = try await Workspace.galley(["extract", plain.path, "-o", folder.appendingPathComponent("none.json").path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains(plain.lastPathComponent))
    }

    @Test func anIssueHasOneTreeWithItsContentsAndOneArtPerArticle() async throws {
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("issue.pdf")
        let result = try await Workspace.galley(["bundle", Workspace.example("issue.yaml"), "-o", pdf.path, "--pdf-standard", "ua-1", "--no-cache"])
        #expect(result.status == 0, "\(result.stderr)")
        let checked = try await Self.check(pdf)
        #expect(checked.violations.isEmpty, "\(checked.violations)")
        // Examples/issue.yaml binds five articles in three sections.
        let articles = 5
        let roles = checked.roles
        #expect(roles.filter { $0 == "Art" }.count == articles)
        #expect(roles.filter { $0 == "TOC" }.count == 1)
        #expect(roles.filter { $0 == "TOCI" }.count > articles)
        // The cover and contents are read before the first article.
        let firstArt = try #require(roles.firstIndex(of: "Art"))
        #expect(roles.firstIndex(of: "TOC").map { $0 < firstArt } == true)

        // An archived issue carries each of its articles; extract writes them all into a folder.
        let archived = folder.appendingPathComponent("issue-a3b.pdf")
        #expect(try await Workspace.galley(["bundle", Workspace.example("issue.yaml"), "-o", archived.path, "--pdf-standard", "a-3b", "--no-cache"]).status == 0)
        await #expect(try Self.check(archived).violations.isEmpty)
        let single = try await Workspace.galley(["extract", archived.path])
        #expect(single.status != 0 && single.stderr.contains("--out-dir"))
        let out = folder.appendingPathComponent("articles")
        #expect(try await Workspace.galley(["extract", archived.path, "--out-dir", out.path]).status == 0)
        for name in ["iv-9062.json", "ru-profsoyuzy.json", "fr-logement.json", "long-climate-labour.json", "energy-workers-in-numbers.json"] {
            let original = try ArticleSource.read(Workspace.example(name))
            #expect(try ArticleSource.read(out.appendingPathComponent("\(original.id).json").path) == original, "\(name)")
        }
    }

    @Test func taggingCostsTheSeedArticleLessThanATenthOfItsSize() async throws {
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let layout = folder.appendingPathComponent("untagged.yaml")
        try "extends: article-a4\npdf: {tagged: false}\n".write(to: layout, atomically: true, encoding: .utf8)
        let untagged = try await Self.render(Workspace.example("iv-9062.json"), standard: nil, to: folder, extra: ["--layout", layout.path])
        let untaggedSize = try Data(contentsOf: untagged).count
        let tagged = try await Self.render(Workspace.example("iv-9062.json"), standard: nil, to: folder)
        let taggedSize = try Data(contentsOf: tagged).count
        // The structure tree's many small dictionaries go into compressed object streams, so it costs little.
        #expect(taggedSize * 10 <= untaggedSize * 11, "tagged \(taggedSize) bytes, untagged \(untaggedSize)")
    }

    @Test func taggingCanBeTurnedOffOnlyWithoutAStandard() async throws {
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let layout = folder.appendingPathComponent("untagged.yaml")
        try "extends: article-a4\npdf: {tagged: false}\n".write(to: layout, atomically: true, encoding: .utf8)
        let pdf = try await Self.render(Workspace.example("iv-9062.json"), standard: nil, to: folder, extra: ["--layout", layout.path])
        #expect(try await Workspace.poppler("pdfinfo", [pdf.path]).contains("Tagged:          no"))
        let refused = try await Workspace.galley(["render", Workspace.example("iv-9062.json"), "--layout", layout.path, "--pdf-standard", "ua-1",
                                            "-o", folder.appendingPathComponent("x.pdf").path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("ua-1 needs a tagged PDF"))
    }
}

import Foundation
import GalleyExport
import GalleyLayout
import GalleyStyle
import Testing

/// The magazine layouts' baseline grid, read back from the PDF as a reader would measure it: every line of body text
/// on one grid of the body's leading, level across the columns and from page to page.
@Suite struct BaselineGridTests {
    static let articles = ["iv-9062.json", "long-climate-labour.json", "ja-kaigo-rodo.json", "ar-ouvriers-al-mina.json"]

    /// The words `pdftotext -bbox` finds on each page: their left edge and the bottom of their box, which for words of one
    /// size and font stands a fixed distance under the baseline.
    private func words(in pdf: String) async throws -> [[(x: Double, bottom: Double, height: Double)]] {
        let xml = try await Workspace.poppler("pdftotext", ["-bbox", pdf, "-"])
        var pages: [[(x: Double, bottom: Double, height: Double)]] = []
        for line in xml.split(separator: "\n") {
            if line.contains("<page ") { pages.append([]) }
            guard line.contains("<word "), !pages.isEmpty else { continue }
            func value(_ name: String) -> Double? {
                guard let range = line.range(of: "\(name)=\"") else { return nil }
                return Double(line[range.upperBound...].prefix { $0 != "\"" })
            }
            guard let xMin = value("xMin"), let yMin = value("yMin"), let yMax = value("yMax") else { continue }
            pages[pages.count - 1].append((xMin, yMax, yMax - yMin))
        }
        return pages
    }

    @Test(arguments: ["magazine-a4", "magazine-tabloid"], articles)
    func bodyLinesShareOneGridAcrossColumnsAndPages(_ layout: String, _ article: String) async throws {
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("grid.pdf").path
        let result = try await Workspace.galley(["render", Workspace.example(article), "--layout", layout, "-o", pdf])
        try #require(result.status == 0, "\(result.stderr)")
        let pages = try await words(in: pdf)
        // Body words are the commonest size: their boxes are the commonest height.
        var heights: [Double: Int] = [:]
        for word in pages.joined() { heights[(word.height * 100).rounded() / 100, default: 0] += 1 }
        let body = try #require(heights.max { $0.value < $1.value }?.key)
        let step = try StyleSheetLoader(layoutsDirectory: Workspace.root.appendingPathComponent("Layouts")).load(layout).styles.body.leading.points
        var residues: [Double] = []
        var columnsSeen = Set<Int>()
        for page in pages {
            for word in page where abs(word.height - body) < 0.011 {
                residues.append(word.bottom.truncatingRemainder(dividingBy: step))
                columnsSeen.insert(Int(word.x / 100))
            }
        }
        let reference = try #require(residues.first)
        let off = residues.filter { abs($0 - reference) > 0.02 && abs(abs($0 - reference) - step) > 0.02 }
        #expect(off.isEmpty, "\(off.count) of \(residues.count) body words off the grid of \(reference) + n × \(step)")
        #expect(residues.count > 100 || article == "iv-9062.json" && residues.count > 50)
        #expect(columnsSeen.count >= 2, "body text in more than one column")
    }

    @Test func withoutTheGridLinesAfterAHeadingFallBetweenGridLines() throws {
        // The check above can fail: the same article in the same columns without the grid has its body lines at many
        // offsets, since headings, quotes and lists break the rhythm of 12.5 pt.
        let resources = GalleyResources(root: Workspace.root)
        var sheet = try StyleSheetLoader(layoutsDirectory: resources.layouts).load("magazine-a4")
        for grid in [true, false] {
            sheet.columns?.baselineGrid = grid
            let document = try ArticleRenderer(sheet: sheet, resources: resources).layout(try ArticleSource.read(Workspace.example("long-climate-labour.json")))
            var residues = Set<Double>()
            for page in document.pages {
                for item in page.items {
                    guard item.node >= 0, case .glyphs(let run, _) = item.item, run.size == 9.5, run.face.postScriptName == "NotoSerif-Regular"
                    else { continue }
                    residues.insert((item.origin.y.truncatingRemainder(dividingBy: 12.5) * 100).rounded() / 100)
                }
            }
            if grid {
                #expect(residues.count == 1, "\(residues.sorted())")
                #expect(document.quality.offGridLines == 0)
            } else {
                #expect(residues.count > 3, "\(residues.sorted())")
                #expect(document.quality.offGridLines == nil, "no grid, no count")
            }
        }
    }

    @Test func checkCountsLinesOffTheGrid() async throws {
        let result = try await Workspace.galley(["check", "--layout", "magazine-a4", Workspace.example("long-climate-labour.json")])
        #expect(result.text.contains("lines off the baseline grid 0"), "\(result.text)")
        let json = try await Workspace.galley(["check", "--json", "--layout", "magazine-a4", Workspace.example("iv-9062.json")])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: Any])
        #expect((object["quality"] as? [String: Any])?["offGridLines"] as? Int == 0)
    }
}

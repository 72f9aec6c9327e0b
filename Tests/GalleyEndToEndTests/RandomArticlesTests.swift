import Foundation
import Testing

/// Exports random articles (`Fixtures/random/random-articles.py`) with two workers: whatever the input, the run must
/// end normally, and every article must either become a whole PDF or fail with a message naming its file.
///
/// The articles mix every script Galley has fonts for, so each worker process draws with most of the font files, one
/// document after another, through Galley's own FreeType faces (`FreeTypeFaces`).
@Suite struct RandomArticlesTests {
    @Test func fiveHundredMultiScriptArticlesNeverCrashAnExport() async throws {
        let folder = try Workspace.temporaryFolder()
        let articles = folder.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Workspace.root.appendingPathComponent("Examples/images"),
                                         to: articles.appendingPathComponent("images"))
        // Short articles (up to three blocks, besides title, deck, authors and notes): what matters is how many
        // documents use how many faces, not their length. Five hundred are the first quarter of the same seeded
        // sequence as the two thousand this test first ran; the fonts of 300 of their PDFs are still counted below.
        // A thousand took 220 s of CPU in a debug build, two fifths of the whole suite's, and kept CI over its 20
        // minutes.
        let count = 500
        let script = Workspace.fixtures.appendingPathComponent("random/random-articles.py").path
        let generated = try await Workspace.run("/usr/bin/python3", [script, "11", String(count), articles.path, "3"])
        #expect(generated.status == 0, "\(generated.stderr)")

        let out = folder.appendingPathComponent("out")
        let result = try await Workspace.galley(["export", articles.path, "--out-dir", out.path, "--jobs", "2", "--quiet"])
        // 0 or 1 (some articles invalid); a signal (a crash in cairo or FreeType) would give 128 + its number.
        #expect(result.status == 0 || result.status == 1, "exit status \(result.status): \(result.stderr.suffix(3000))")
        let failures = result.stderr.split(separator: "\n").filter { !$0.isEmpty }
        for line in failures {
            #expect(line.hasPrefix(articles.path + "/f"), "not a located failure: \(line)")
        }
        #expect(!result.stderr.lowercased().contains("freetype"), "cairo lost a FreeType face")
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".pdf") }.sorted()
        #expect(pdfs.count + failures.count == count, "\(pdfs.count) PDFs and \(failures.count) failures")
        // Most random articles are valid: the run must have exercised the typesetter, not only the readers.
        #expect(pdfs.count > count * 3 / 4)

        // The fonts embedded in a sample of the PDFs: the run must have used most of the font files.
        var faces = Set<String>()
        for name in pdfs.prefix(300) {
            let listing = try await Workspace.run("/usr/bin/pdffonts", [out.appendingPathComponent(name).path])
            for line in listing.text.split(separator: "\n").dropFirst(2) {
                guard let field = line.split(separator: " ").first, let plus = field.firstIndex(of: "+") else { continue }
                faces.insert(String(field[field.index(after: plus)...]))
            }
        }
        #expect(faces.count >= 40, "only \(faces.count) faces were used: \(faces.sorted())")
    }

    @Test func theCatalogHasEveryScriptsFonts() async throws {
        let fonts = try FileManager.default.contentsOfDirectory(atPath: Workspace.root.appendingPathComponent("Fonts").path)
            .filter { name in [".ttf", ".otf", ".ttc"].contains { name.lowercased().hasSuffix($0) } }
        #expect(fonts.count >= 30, "\(fonts.sorted())")
    }
}

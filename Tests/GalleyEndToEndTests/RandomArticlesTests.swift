import Foundation
import Testing

/// Exports random articles (`Fixtures/random/random-articles.py`) on two threads: whatever the input, the run must
/// end normally, and every article must either become a whole PDF or fail with a message naming its file.
@Suite struct RandomArticlesTests {
    @Test func randomArticlesNeverCrashATwoThreadExport() throws {
        let folder = try Workspace.temporaryFolder()
        let articles = folder.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Workspace.root.appendingPathComponent("Examples/images"),
                                         to: articles.appendingPathComponent("images"))
        let count = 150
        let script = Workspace.fixtures.appendingPathComponent("random/random-articles.py").path
        let generated = try Workspace.run("/usr/bin/python3", [script, "11", String(count), articles.path])
        #expect(generated.status == 0, "\(generated.stderr)")

        let out = folder.appendingPathComponent("out")
        let result = try Workspace.galley(["export", articles.path, "--out-dir", out.path, "--jobs", "2", "--quiet"])
        // 0 or 1 (some articles invalid); a signal (a crash in cairo or FreeType) would give 128 + its number.
        #expect(result.status == 0 || result.status == 1, "exit status \(result.status): \(result.stderr.suffix(3000))")
        let failures = result.stderr.split(separator: "\n").filter { !$0.isEmpty }
        for line in failures {
            #expect(line.hasPrefix(articles.path + "/f"), "not a located failure: \(line)")
        }
        #expect(!result.stderr.contains("libfreetype"), "cairo lost a FreeType face")
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".pdf") }
        #expect(pdfs.count + failures.count == count, "\(pdfs.count) PDFs and \(failures.count) failures")
        // Most random articles are valid: the run must have exercised the typesetter, not only the readers.
        #expect(pdfs.count > count * 3 / 4)
    }

    @Test func fontsStayWithinWhatCairoKeepsOpen() throws {
        // cairo 1.16 keeps at most ten FreeType faces open; opening an eleventh closes one, and with two threads it
        // can close a face that another thread is drawing with. scripts/build-fonts.sh explains the ten files.
        let fonts = try FileManager.default.contentsOfDirectory(atPath: Workspace.root.appendingPathComponent("Fonts").path)
            .filter { name in [".ttf", ".otf", ".ttc"].contains { name.lowercased().hasSuffix($0) } }
        #expect(fonts.count <= 10, "\(fonts.sorted())")
    }
}

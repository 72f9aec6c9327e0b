import Foundation
@testable import GalleyFiles
@testable import GalleyExport
import Testing

/// The small parts of an export: finding inputs, removing stale temporary files, naming rules.
@Suite struct ExportPiecesTests {
    @Test func foldersAreWalkedByExtensionSkippingHiddenEntriesAndTheOutput() throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        for path in ["b.json", "sub/a.JSON", "sub/deeper/c.json", "notes.txt", ".hidden.json", ".git/x.json", "Output/manifest.json"] {
            let url = folder.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = manager.createFile(atPath: url.path, contents: Data("{}".utf8))
        }
        let named = folder.appendingPathComponent("notes.txt").path
        let inputs = ArticleInputs([folder.path, named, folder.appendingPathComponent("b.json").path, folder.appendingPathComponent("missing").path],
                                   excludedFolders: [folder.appendingPathComponent("Output")])
        #expect(inputs.files.map(\.path) == [folder.path + "/b.json", folder.path + "/sub/a.JSON", folder.path + "/sub/deeper/c.json", named])
        #expect(inputs.files.map(\.named) == [false, false, false, true])
        #expect(inputs.problems.map(\.description) == [folder.appendingPathComponent("missing").path + ": no such file or folder"])

        // With --from, the format's own extensions: WordPress posts are .json files.
        let wordpress = ArticleInputs([folder.appendingPathComponent("sub").path], format: "wordpress")
        #expect(wordpress.files.map(\.path) == [folder.path + "/sub/a.JSON", folder.path + "/sub/deeper/c.json"])

        // Exporting the output folder itself reads its articles but not its manifests.
        let output = folder.appendingPathComponent("Output")
        _ = manager.createFile(atPath: output.appendingPathComponent("manifest.shard-0-of-2.json").path, contents: Data("{}".utf8))
        _ = manager.createFile(atPath: output.appendingPathComponent("article.json").path, contents: Data("{}".utf8))
        let itself = ArticleInputs([output.path], excludedFolders: [output], excludedFiles: [output.appendingPathComponent("manifest.json")])
        #expect(itself.files.map(\.path) == [output.path + "/article.json"])
    }

    @Test func theWalkListsOneFolderAtATimeInTheOrderOfAllPathsSorted() throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // "a-b" sorts before "a/x" ('-' < '/') but after the folder name "a"; "a.b/" holds files too; case and accents.
        let paths = ["a/x.json", "a-b.json", "a.b/y.json", "a0.json", "A.json", "é.json", "e.json", "z/a/b.json", "z-a.json",
                     "z/a.json", "z/a-/c.json", "a/b/c.json", "a/b.json"]
        for path in paths {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: url.path, contents: Data("{}".utf8))
        }
        let listed = ArticleInputs([folder.path]).files.map(\.path)
        #expect(listed == paths.map { folder.path + "/" + $0 }.sorted())
        // Named twice, and once inside a folder also named: each file is read once, in the order first met.
        let twice = ArticleInputs([folder.appendingPathComponent("e.json").path, folder.path, folder.path + "/z"]).files.map(\.path)
        #expect(twice == [folder.path + "/e.json"] + listed.filter { !$0.hasSuffix("/e.json") })
    }

    @Test func staleTemporaryFilesGoOnlyWhenTheirWriterIsGoneOrTheyAreOld() throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        let old = Date().addingTimeInterval(-60)
        let ancient = Date().addingTimeInterval(-7200)
        let files: [(String, Date)] = [
            (".dead_a1.pdf.999999999.abcd1234.tmp", old),          // writer gone, old enough: removed
            (".fresh_a2.pdf.999999999.abcd1234.tmp", Date()),      // writer gone but just written (another machine?): kept
            (".mine_a3.pdf.\(getpid()).abcd1234.tmp", old),        // writer alive: kept
            (".ancient_a4.pdf.\(getpid()).abcd1234.tmp", ancient), // older than an hour: removed
            ("visible_a5.pdf", ancient),                           // not a temporary file: kept
        ]
        for (name, date) in files {
            let path = folder.appendingPathComponent(name).path
            _ = manager.createFile(atPath: path, contents: Data())
            try manager.setAttributes([.modificationDate: date], ofItemAtPath: path)
        }
        let removed = StaleTemporaryFiles.remove(in: folder)
        #expect(removed == [".ancient_a4.pdf.\(getpid()).abcd1234.tmp", ".dead_a1.pdf.999999999.abcd1234.tmp"])
        #expect(StaleTemporaryFiles.writer(of: ".x_a1.pdf.1234.ab12cd34.tmp") == 1234)
    }

    @Test func digestsKeepTheirTextAndRefuseAnythingElse() throws {
        let text = ContentHasher.sha256(Data("Galley".utf8))
        let digest = try #require(HexDigest(hex: text))
        #expect(digest.description == text)
        #expect(HexDigest(hex: text.uppercased()) == digest)
        #expect(HexDigest(hex: String(text.dropLast())) == nil)
        #expect(HexDigest(hex: String(text.dropLast()) + "g") == nil)
        #expect(HexDigest(hex: "0" + String(repeating: "0", count: 63))?.description == String(repeating: "0", count: 64))
        let coded = try JSONDecoder().decode([HexDigest].self, from: JSONEncoder().encode([digest]))
        #expect(coded == [digest])
    }

    @Test func outputNamesClashWhateverTheirCase() {
        #expect(CaseInsensitiveName("Report_a1.pdf") == CaseInsensitiveName("report_A1.PDF"))
        #expect(CaseInsensitiveName("report_a1.pdf") != CaseInsensitiveName("report_a2.pdf"))
        #expect(CaseInsensitiveName("Éte_a1.pdf") == CaseInsensitiveName("éte_a1.pdf"))
        #expect(Set([CaseInsensitiveName("A.pdf"), CaseInsensitiveName("a.pdf"), CaseInsensitiveName("b.pdf")]).count == 2)
    }

    @Test func idsThatCannotBePartOfAFileNameAreRefused() {
        #expect(ArticleNaming.problem(with: "9062") == nil)
        #expect(ArticleNaming.problem(with: "abc-12") == nil)
        #expect(ArticleNaming.problem(with: String(repeating: "9", count: 200)) == nil)
        #expect(ArticleNaming.problem(with: "../../etc/passwd")?.contains("\"/\"") == true)
        #expect(ArticleNaming.problem(with: "")?.contains("empty") == true)
        #expect(ArticleNaming.problem(with: "..") != nil)
        #expect(ArticleNaming.problem(with: String(repeating: "x", count: 240))?.contains("240 bytes long") == true)
    }

    @Test func idsSortNumericallyThenAsText() {
        let ids = ["10", "9", "b", "a", "100", "09"]
        #expect(ids.sorted(by: ExportManifest.precedes) == ["09", "9", "10", "100", "a", "b"])
    }

    @Test func sampleArchivesAreReproducible() throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try SampleArchive.generate(from: ExportHarness.examples, count: 5, into: folder.appendingPathComponent("one"))
        let second = try SampleArchive.generate(from: ExportHarness.examples, count: 5, into: folder.appendingPathComponent("two"))
        #expect(try first.map { try Data(contentsOf: $0) } == second.map { try Data(contentsOf: $0) })
        #expect(Set(try first.map { try Data(contentsOf: $0) }).count == 5)
    }

    @Test func uniqueWordArchivesKeepTheShapeOfTheTextButRepeatNoWord() throws {
        let folder = try ExportHarness.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let examples = ExportHarness.examples.filter { $0.lastPathComponent == "iv-9062.json" }
        let files = try SampleArchive.generate(from: examples, count: 2, into: folder.appendingPathComponent("one"), uniqueWords: true)
        let again = try SampleArchive.generate(from: examples, count: 2, into: folder.appendingPathComponent("two"), uniqueWords: true)
        #expect(try files.map { try Data(contentsOf: $0) } == again.map { try Data(contentsOf: $0) })
        func paragraphs(_ url: URL) throws -> [String] {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
            return (object?["blocks"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == "paragraph" }
                .compactMap { $0["content"] as? String }
        }
        let original = try paragraphs(examples[0]), scrambled = try paragraphs(files[0]), other = try paragraphs(files[1])
        #expect(original.count == scrambled.count && !original.isEmpty)
        for (before, after) in zip(original, scrambled) {
            #expect(before.unicodeScalars.count == after.unicodeScalars.count)
            #expect(before.split(separator: " ").count == after.split(separator: " ").count)
        }
        // Long words from two articles never coincide, and hardly any word survives from the original.
        let words = { (texts: [String]) in Set(texts.flatMap { $0.split(separator: " ") }.filter { $0.count > 6 }) }
        #expect(words(scrambled).isDisjoint(with: words(other)))
        #expect(words(scrambled).intersection(words(original)).count < 3)
    }
}

import Foundation
import GalleyTestSupport
import Testing

/// What the command line says about itself: option repeats, help texts, status lines, and `galley watch`.
@Suite struct CommandLineMessagesTests {
    /// A one-page article with `title`.
    static func shortArticle(title: String) -> Data {
        Data("""
        {"id": "77", "title": "\(title)", "language": "en", "blocks": [
          {"type": "paragraph", "content": "A paragraph short enough for one page, and long enough to be read."}
        ]}
        """.utf8)
    }

    @Test func anOptionGivenTwiceIsRefusedNamingBoth() async throws {
        let result = try await Workspace.galley(["render", Workspace.example("iv-9062.json"), "-o", "/tmp/a.pdf", "--output", "/tmp/b.pdf"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("-o/--output is given twice (-o and --output); give it once"), "\(result.stderr)")
        let layouts = try await Workspace.galley(["check", Workspace.example("iv-9062.json"), "--layout=article-a4", "--layout", "article-letter"])
        #expect(layouts.status == 64)
        #expect(layouts.stderr.contains("--layout is given twice"), "\(layouts.stderr)")
    }

    @Test func helpStatesEachDefaultOnce() async throws {
        for command in ["render", "export", "bundle", "serve", "check", "watch"] {
            let help = try await Workspace.galley([command, "--help"]).text
            // A default in the help text and the parser's own "(default: …)" after it said the same thing twice.
            let twice = try NSRegularExpression(pattern: #"\(default:[^)]*\)\.?\s*\(default:"#)
            #expect(twice.firstMatch(in: help, range: NSRange(help.startIndex..., in: help)) == nil, "\(command): \(help)")
            #expect(help.contains("(default:"), "\(command) states no default at all")
        }
    }

    @Test func oneRenderedPageIsOnePage() async throws {
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = folder.appendingPathComponent("short.json")
        try Self.shortArticle(title: "Short").write(to: article)
        let result = try await Workspace.galley(["render", article.path, "-o", folder.appendingPathComponent("short.pdf").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("(1 page, "), "\(result.stderr)")
    }

    @Test func filesReadAheadGiveTheSameFilesAndMessagesInOrder() async throws {
        // Each file is read while the one before is set (ArticleReadAhead): what is written, and the order of what
        // is said, must be as if each were rendered alone, a broken file and standard input among them.
        let folder = try Workspace.temporaryFolder()
        let broken = folder.appendingPathComponent("broken.json")
        try Data("{\"id\": \"78\", \"title\": ".utf8).write(to: broken)
        let short = folder.appendingPathComponent("short.json")
        try Self.shortArticle(title: "Short").write(to: short)
        let together = folder.appendingPathComponent("together")
        let files = [Workspace.example("ru-profsoyuzy.json"), broken.path, "-", short.path]
        let result = try await Workspace.galley(["render"] + files + ["--out-dir", together.path], input: Self.shortArticle(title: "From input"))
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(result.stderr)")
        guard lines.count == 4 else { return }
        #expect(lines[0].hasPrefix("wrote ") && lines[2].hasPrefix("wrote ") && lines[3].hasPrefix("wrote "), "\(result.stderr)")
        #expect(lines[1].contains("broken.json"), "\(result.stderr)")
        #expect(lines[2].contains("from-input"), "\(result.stderr)")

        for (index, file) in files.enumerated() where index != 1 {
            let alone = folder.appendingPathComponent("alone-\(index)")
            let single = try await Workspace.galley(["render", file, "--out-dir", alone.path], input: Self.shortArticle(title: "From input"))
            #expect(single.status == 0, "\(single.stderr)")
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: alone.path).first)
            let expected = try Data(contentsOf: alone.appendingPathComponent(name))
            #expect(try Data(contentsOf: together.appendingPathComponent(name)) == expected, "\(name)")
        }
    }

    @Test func watchRendersAgainWhenTheArticleIsSaved() async throws {
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = folder.appendingPathComponent("article.json")
        let pdf = folder.appendingPathComponent("article.pdf")
        try Self.shortArticle(title: "First title").write(to: article)
        let output = folder.appendingPathComponent("stdout"), errors = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = Process()
        process.executableURL = Workspace.galley
        process.arguments = ["watch", article.path, "-o", pdf.path, "--interval", "50", "--renders", "2"]
        process.currentDirectoryURL = Workspace.root
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // The first render, then a save with a new title; watch's second render ends it (--renders 2).
        var waited = 0
        while !(try String(contentsOf: errors, encoding: .utf8)).contains("watching"), waited < 1200 {
            try await Task.sleep(for: .milliseconds(100))
            waited += 1
        }
        let first = try await Workspace.poppler("pdftotext", [pdf.path, "-"])
        #expect(first.contains("First title"))
        try Self.shortArticle(title: "Second title").write(to: article)
        try await OffCooperativePool.run { process.waitUntilExit() }
        let said = try String(contentsOf: errors, encoding: .utf8)
        #expect(process.terminationStatus == 0, "\(said)")
        let second = try await Workspace.poppler("pdftotext", [pdf.path, "-"])
        #expect(second.contains("Second title") && !second.contains("First title"))
        // Each render printed the check figures.
        let figures = try String(contentsOf: output, encoding: .utf8)
        #expect(figures.components(separatedBy: "overfull lines").count == 3, "\(figures)")
    }

    @Test func watchGoesOnAfterAnArticleThatCannotBeRead() async throws {
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = folder.appendingPathComponent("article.json")
        try Data("{\"id\": \"1\", \"title\": ".utf8).write(to: article)
        // One failed render, counted, and the command still ends normally: a broken save never stops the watch.
        let result = try await Workspace.galley(["watch", article.path, "-o", folder.appendingPathComponent("a.pdf").path, "--renders", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains(article.path) && result.stderr.contains("render failed; waiting for the next change"), "\(result.stderr)")
    }
}

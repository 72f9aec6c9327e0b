import ArgumentParser
import Foundation
import GalleyCommandLine
import GalleyExport
import GalleyFiles

/// `galley bench-export`: exports a generated archive with 1 and 2 workers, then again unchanged, and reports
/// throughput, peak memory and the incremental rerun's time.
struct BenchExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-export",
        abstract: "Benchmark galley export: N generated articles with --jobs 1 and 2; articles/s, pages/s, peak RSS, rerun time.")

    @Option(name: .shortAndLong, help: "Articles to generate from Examples/.")
    var count = 1000

    @Option(name: .long, parsing: .upToNextOption, help: "Worker counts to measure.")
    var jobs: [Int] = [1, 2]

    @Flag(name: .long, help: "Keep the generated archive and outputs (their folder is printed).")
    var keep = false

    @Option(name: .long, help: "Layout name or path.", completion: Completions.layouts)
    var layout = "article-a4"

    @Option(name: .long, help: "Only the examples whose file names start with these (repeatable), e.g. --example iv- --example fr- (default: all).")
    var example: [String] = []

    @Flag(name: .long, help: "Replace every letter of the paragraphs at random, so no word repeats (the caches' worst case, for memory).")
    var uniqueWords = false

    func run() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("galley-bench-export-\(UUID().uuidString.prefix(8))")
        let articles = folder.appendingPathComponent("articles")
        defer { if !keep { try? FileManager.default.removeItem(at: folder) } }
        // A mix can be chosen, because a Chinese or Japanese article costs about eight Latin ones (cairo subsets
        // the CJK fonts), so the mix decides the rate.
        let examples = Session.examples().map { URL(fileURLWithPath: $0) }.filter { url in
            example.isEmpty || example.contains { url.lastPathComponent.hasPrefix($0) }
        }
        guard !examples.isEmpty else { throw ValidationError("no examples found in \(Session.resources.root.path)/Examples\(example.isEmpty ? "" : " matching \(example)")") }
        try SampleArchive.generate(from: examples, count: count, into: articles, uniqueWords: uniqueWords)
        print("archive: \(count) articles from \(examples.count) examples (\(examples.map { $0.deletingPathExtension().lastPathComponent }.joined(separator: ", "))) in \(keep ? folder.path : "a temporary folder")")
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores")

        var last: URL?
        for workers in jobs {
            let out = folder.appendingPathComponent("out-j\(workers)")
            let run = try export(articles, out: out, jobs: workers)
            last = out
            guard let summary = run.summary else { throw ValidationError("export with --jobs \(workers) printed no summary (status \(run.status))") }
            // Two rates: the render pass alone (as the export reports it), and the whole process from start to exit
            // (reading and hashing every article, loading fonts and dictionaries, writing the manifest).
            let rebuilt = summary.integer("rebuilt")
            print(String(format: "--jobs %d: %.1f articles/s rendering (%.2f s), %.1f articles/s start to exit (%.2f s), %.1f pages/s; %d articles, %d pages, peak RSS %.1f MB (parent %.1f MB), failed %d",
                         workers, summary.number("articlesPerSecond"), summary.number("renderSeconds"),
                         run.wall > 0 ? Double(rebuilt) / run.wall : 0, run.wall, summary.number("pagesPerSecond"), rebuilt,
                         summary.integer("pages"), Double(summary.integer("peakResidentKiB")) / 1024,
                         Double(summary.integer("parentPeakResidentKiB")) / 1024, summary.integer("failed")))
        }
        if let out = last, let workers = jobs.last {
            let rerun = try export(articles, out: out, jobs: workers)
            let summary = rerun.summary
            print(String(format: "unchanged rerun (--jobs %d): %.2f s wall for %d skipped, %d rebuilt; peak RSS %.1f MB (parent %.1f MB)",
                         workers, rerun.wall, summary?.integer("skipped") ?? 0, summary?.integer("rebuilt") ?? 0,
                         Double(summary?.integer("peakResidentKiB") ?? 0) / 1024, Double(summary?.integer("parentPeakResidentKiB") ?? 0) / 1024))
        }
        print(String(format: "largest child peak RSS (RUSAGE_CHILDREN): %.1f MB", Double(PeakMemory.childrenKiB()) / 1024))
    }

    private struct Run {
        var status: Int32
        var wall: Double
        var summary: [String: Any]?
    }

    /// Runs `galley export --json` in a child process, so that each run's memory is its own.
    private func export(_ articles: URL, out: URL, jobs: Int) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable()
        process.arguments = ["export", articles.path, "--out-dir", out.path, "--jobs", String(jobs), "--json", "--layout", layout]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = clock.now - start
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        let summary = lines.last.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        return Run(status: process.terminationStatus, wall: wall, summary: summary?["event"] as? String == "summary" ? summary : nil)
    }

    private static func executable() -> URL {
        RunningExecutable.url() ?? URL(fileURLWithPath: CommandLine.arguments[0])
    }
}

private extension Dictionary where Key == String, Value == Any {
    func number(_ key: String) -> Double { (self[key] as? NSNumber)?.doubleValue ?? 0 }
    func integer(_ key: String) -> Int { (self[key] as? NSNumber)?.intValue ?? 0 }
}

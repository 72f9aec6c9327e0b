import ArgumentParser
import Foundation
import GalleyCommandLine
import GalleyExport

/// `galley bench-bundle`: binds a generated N-article issue, laid out afresh and from an export's kept layouts.
struct BenchBundle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-bundle",
        abstract: "Benchmark galley bundle: an N-article issue (default 50) laid out afresh, then from cached layouts.")

    @Option(name: .shortAndLong, help: "Articles in the generated issue.")
    var count = 50

    @Option(name: .long, help: "Worker threads for laying out articles.")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Keep the generated issue, its articles and the layout cache in this folder (to time `galley bundle` on them).",
            completion: Completions.folder)
    var keep: String?

    func run() throws {
        let folder = keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("galley-bench-bundle-\(UUID().uuidString.prefix(8))")
        defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }
        let examples = Session.examples().map { URL(fileURLWithPath: $0) }
        let files = try SampleArchive.generate(from: examples, count: count, into: folder)
        // Five sections of equal size, in file order.
        let perSection = max(1, (files.count + 4) / 5)
        var yaml = "publication: Benchmark Monthly\nnumber: 1\ntitle: Generated issue\ndate: 2025-11-01\nsections:\n"
        for (index, start) in stride(from: 0, to: files.count, by: perSection).enumerated() {
            let names = files[start..<min(start + perSection, files.count)].map { "\"\($0.lastPathComponent)\"" }
            yaml += "  - title: Section \(index + 1)\n    articles: [\(names.joined(separator: ", "))]\n"
        }
        let issue = folder.appendingPathComponent("issue.yaml")
        try yaml.write(to: issue, atomically: true, encoding: .utf8)
        let bundler = IssueBundler(resources: Session.resources, jobs: jobs)
        let cache = LayoutCache(directory: folder.appendingPathComponent("cache"))
        print("issue: \(files.count) articles, \(jobs) jobs, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        for (label, useCache) in [("laid out afresh (and cached)", true), ("from cached layouts", true), ("no cache", false)] {
            let clock = ContinuousClock()
            let start = clock.now
            let result = try bundler.bundle(issue.path, cache: useCache ? cache : nil)
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print(String(format: "%@: %.3f s, %d pages, %@, %d layouts reused", label, seconds, result.document.pages.count,
                         SizeLabel.make(bytes: result.data.count), result.reusedLayouts))
        }
        print("peak RSS: \(Session.peakResidentMegabytes()) MB")
    }
}

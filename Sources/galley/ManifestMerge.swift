import ArgumentParser
import Foundation
import GalleyCommandLine
import GalleyExport

/// `galley manifest merge`: joins the manifests of shards (or of runs) into one, entries sorted by id.
struct ManifestMerge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge manifests: one entry per id, sorted; where two manifests list an id, the later one on the command line wins.")

    @Argument(help: "Manifest files, such as one per shard.", completion: Completions.json)
    var manifests: [String]

    @Option(name: .shortAndLong, help: "The merged manifest (written atomically); - for standard output.", completion: Completions.json)
    var output = "-"

    func run() throws {
        var merged = ExportManifest()
        var origin: [String: (file: String, entry: ManifestEntry)] = [:]
        var failed = false
        for path in manifests {
            let manifest: ExportManifest
            do {
                manifest = try ExportManifest.load(URL(fileURLWithPath: path))
            } catch {
                Session.report(error)
                failed = true
                continue
            }
            for entry in manifest.articles {
                if let earlier = origin[entry.id], earlier.entry.contentHash != entry.contentHash || earlier.entry.output != entry.output {
                    Session.log("\(path): warning: article \(entry.id) is also in \(earlier.file) with other contents; keeping \(path)'s")
                }
                origin[entry.id] = (path, entry)
            }
            merged = merged.merging(manifest)
        }
        if failed { throw ExitCode(1) }
        if output == "-" {
            FileHandle.standardOutput.write(try merged.encoded())
        } else {
            try merged.write(to: URL(fileURLWithPath: output))
            Session.log("merged \(merged.articles.count) articles from \(manifests.count) manifests into \(output)")
        }
    }
}

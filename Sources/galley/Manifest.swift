import ArgumentParser

/// `galley manifest`: tools for the manifests `galley export` writes.
struct Manifest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manifest",
        abstract: "Work with export manifests.",
        subcommands: [ManifestMerge.self])
}

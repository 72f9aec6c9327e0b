import ArgumentParser
import Foundation
import GalleyFiles
import GalleyStyle

/// `--config FILE`, or else the nearest `galley.yaml` in the working folder or above it.
public struct ConfigOption: ParsableArguments, Sendable {
    /// Options as the parser makes them, every one at its default.
    public init() {}

    /// The publisher's galley.yaml (default: the nearest one in this folder or above).
    @Option(name: .long, help: "The publisher's galley.yaml (default: the nearest galley.yaml in this folder or above; see docs/galley-config.md).")
    public var config: String?

    /// The publisher's config, or nil when none is given or found; a bad file throws its located diagnostic.
    public func load(limits: Limits = Limits()) throws -> GalleyConfig? {
        // Found from the working folder only, as git finds .git: the identity is the folder's, not each input file's,
        // so one run sets every article for the same publisher.
        guard let path = config ?? GalleyConfigLoader.find(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))?.path else {
            return nil
        }
        return try GalleyConfigLoader(limits: limits).load(path)
    }
}

import ArgumentParser
import Foundation
import GalleyFetch

/// The remote-image options every command that sets articles shares: allowed hosts, mirrors, offline, cache folder.
public struct ImageOptions: ParsableArguments, Sendable {
    /// Options as the parser makes them, every one at its default.
    public init() {}

    /// Hosts figure images may also be fetched from (repeatable).
    @Option(name: .customLong("allow-host"), help: ArgumentHelp(
        "Also fetch figure images from HOST (repeatable; *.example.org for a domain, '*' for any). The article's own site is always allowed.",
        valueName: "host"))
    public var allowedHosts: [String] = []

    /// Address prefixes read from local folders instead of being fetched (repeatable).
    @Option(name: .customLong("remap"), help: ArgumentHelp(
        "Read images under URL-PREFIX from the folder DIR instead of fetching them (repeatable), e.g. https://example.org/wp-content/uploads/=uploads.",
        valueName: "url-prefix=dir"))
    public var remaps: [String] = []

    /// Never fetch images: use the image cache and --remap folders only.
    @Flag(name: .long, help: "Never fetch images: use the image cache and --remap folders only.")
    public var offline = false

    /// Folder for downloaded images (default: $XDG_CACHE_HOME/galley/images or ~/.cache/galley/images).
    @Option(name: .customLong("image-cache"), help: ArgumentHelp("Folder for downloaded images (default: $XDG_CACHE_HOME/galley/images or ~/.cache/galley/images).",
                                                                 valueName: "dir"), completion: Completions.folder)
    public var imageCache: String?

    /// When this process started: what was checked with a server since then is not asked about again in this run.
    private static let started = Date()

    /// The settings these options give; a malformed `--remap` fails validation.
    public func settings() throws -> ImageFetchSettings {
        do {
            return ImageFetchSettings(allowedHosts: allowedHosts, remaps: try remaps.map(URLRemap.init(parsing:)), offline: offline,
                                      cacheDirectory: imageCache, checkedSince: Self.started)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    /// Refuses a malformed `--remap`.
    public func validate() throws {
        _ = try settings()
    }
}

import ArgumentParser
import Foundation
import GalleyExport
import GalleyFiles
import GalleyStyle

/// The options of `galley serve`, declared once: `galley` shows and checks them, `galley-net` runs the command.
///
/// The command: the HTTP service that sets posted articles and a WordPress site's posts as PDFs on demand.
public struct ServeOptions: ParsableArguments, Sendable {
    /// The options at their defaults, as the parser makes them.
    public init() {}

    /// The command's name and help, the same in both executables.
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve PDFs over HTTP: POST /v1/render, GET /v1/posts/{id}.pdf|png, /healthz, /metrics (see docs/serving.md).")

    /// Address to listen on (0.0.0.0 for every interface).
    @Option(name: .long, help: "Address to listen on (0.0.0.0 for every interface).")
    public var host = "127.0.0.1"

    /// Port to listen on.
    @Option(name: .long, help: "Port to listen on; 0 lets the system choose (the port is printed).")
    public var port = 8080

    /// Articles set at once, one worker process each (default: the number of cores).
    @Option(name: .shortAndLong, help: "Articles set at once, one worker process each (default: the number of cores).")
    public var jobs: Int?

    /// Articles that may wait for a worker.
    @Option(name: .long, help: "Articles that may wait for a worker; more are answered 503 with Retry-After.")
    public var queue = 64

    /// Largest request body accepted, in bytes.
    @Option(name: .long, help: "Largest request body accepted, in bytes.")
    public var bodyLimit = 4 << 20

    /// Seconds a client may take to send its request body.
    @Option(name: .long, help: "Seconds a client may take to send its request body; a slower one is answered 408.")
    public var bodyTimeout = 30

    /// Seconds one article may take to set before it is stopped (answered 422).
    @Option(name: .long, help: "Seconds one article may take to set before it is stopped (answered 422).")
    public var renderTimeout = 30

    /// File holding the bearer token every route but /healthz and /metrics requires (or $GALLEY_SERVE_TOKEN).
    @Option(name: .long, help: "File holding the bearer token every route but /healthz and /metrics requires (or $GALLEY_SERVE_TOKEN).", completion: Completions.file)
    public var tokenFile: String?

    /// Folder keeping PDFs and page images by content hash (default: $XDG_CACHE_HOME/galley/serve).
    @Option(name: .long, help: "Folder keeping PDFs and page images by content hash (default: $XDG_CACHE_HOME/galley/serve).", completion: Completions.folder)
    public var cache: String?

    /// The WordPress site whose posts GET /v1/posts/{id}.pdf serves.
    @Option(name: .long, help: "WordPress site whose posts GET /v1/posts/{id}.pdf serves, e.g. https://example.org.")
    public var wordpress: String?

    /// WordPress user whose application password lets the webhook attach PDFs to posts (and read private ones).
    @Option(name: .long, help: "WordPress user whose application password lets the webhook attach PDFs to posts (and read private ones).")
    public var user: String?

    /// File holding that user's application password.
    @Option(name: .long, help: "File holding that user's application password.", completion: Completions.file)
    public var appPasswordFile: String?

    /// Seconds a fetched post is trusted before the site is asked again (the webhook forgets it at once).
    @Option(name: .long, help: "Seconds a fetched post is trusted before the site is asked again (the webhook forgets it at once).")
    public var postFreshSeconds = 60

    /// Layouts the service offers by name (repeatable; default: every layout).
    @Option(name: .long, help: "Layouts the service offers by name (repeatable; default: every layout in Layouts/).", completion: Completions.layouts)
    public var offer: [String] = []

    /// The options every typesetting command shares.
    @OptionGroup public var common: CommonOptions

    /// Refuses values out of range before anything starts.
    public func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if queue < 0 { throw ValidationError("--queue must be 0 or more") }
        if !(1...(1 << 30)).contains(bodyLimit) { throw ValidationError("--body-limit must be from 1 byte to 1 GiB") }
        if !(1...3600).contains(renderTimeout) { throw ValidationError("--render-timeout must be from 1 to 3600 seconds") }
        if !(1...3600).contains(bodyTimeout) { throw ValidationError("--body-timeout must be from 1 to 3600 seconds") }
        // --user and --app-password-file may each come from galley.yaml instead: they are checked together in run().
        if !(0...65535).contains(port) { throw ValidationError("--port must be from 0 to 65535") }
    }
}

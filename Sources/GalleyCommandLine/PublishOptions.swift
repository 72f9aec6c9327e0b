import ArgumentParser
import Foundation
import GalleyExport
import GalleyFiles

/// The options of `galley publish`, declared once: `galley` shows and checks them, `galley-net` runs the command.
///
/// The command: attaches each exported PDF to its WordPress post, one Galley PDF per post, and records the
/// attachment ids in the manifest.
public struct PublishOptions: ParsableArguments, Sendable {
    /// The options at their defaults, as the parser makes them.
    public init() {}

    /// The command's name and help, the same in both executables.
    public static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Upload exported PDFs to a WordPress site's media library, attached to their posts.",
        discussion: """
        Every manifest entry without an attachment id (rebuilt by the last export, or never published) is uploaded \
        to /wp/v2/media with its post as parent; its earlier Galley PDFs are deleted (the one the manifest named and \
        any found among the post's attachments by the marker "galley-pdf" in their description), so each post has \
        exactly one. The attachment id is written into the manifest, so a rerun with nothing changed uploads \
        nothing (and makes no request). The entry id is the post id. One article failing never stops the others. Exit status: 0 all \
        published, 1 some article failed, 2 the manifest could not be used, or the site did not answer or refused the password.
        """)

    /// The site: https://example.org, or its REST root (…/wp-json or …/?rest_route=) (default: galley.yaml's cms.wordpress.site).
    @Option(name: .long, help: "The site: https://example.org, or its REST root (…/wp-json or …/?rest_route=) (default: galley.yaml's cms.wordpress.site).")
    public var wordpress: String?

    /// The WordPress user the application password belongs to (default: galley.yaml's cms.wordpress.user).
    @Option(name: .long, help: "The WordPress user the application password belongs to (default: galley.yaml's cms.wordpress.user).")
    public var user: String?

    /// A file holding the application password.
    @Option(name: .long, help: "A file holding the application password (Users → Profile → Application Passwords; default: galley.yaml's cms.wordpress).",
            completion: Completions.file)
    public var appPasswordFile: String?

    /// The `--config` option.
    @OptionGroup public var configOption: ConfigOption

    /// The folder the manifest's PDFs are in (default: the manifest's folder).
    @Option(name: .long, help: "The folder the manifest's PDFs are in (default: the manifest's folder).", completion: Completions.folder)
    public var pdfDir: String?

    /// Uploads at a time.
    @Option(name: .shortAndLong, help: "Uploads at a time.")
    public var jobs = 2

    /// Seconds a request may take.
    @Option(name: .long, help: "Seconds a request may take.")
    public var timeout = 120

    /// Print only failures and the summary.
    @Flag(name: .shortAndLong, help: "Print only failures and the summary.")
    public var quiet = false

    /// The manifest `galley export` wrote (rewritten with the attachment ids).
    @Argument(help: "The manifest `galley export` wrote (rewritten with the attachment ids).", completion: Completions.json)
    public var manifest: String

    /// Refuses values out of range before anything starts.
    public func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if timeout < 1 { throw ValidationError("--timeout must be at least 1 second") }
        guard let wordpress else { return }
        guard let url = URL(string: wordpress), let scheme = url.scheme, ["http", "https"].contains(scheme.lowercased()), url.host != nil else {
            throw ValidationError("--wordpress takes an http:// or https:// URL, such as https://example.org")
        }
    }
}

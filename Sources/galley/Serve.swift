import ArgumentParser
import Foundation
import GalleyExport
import GalleyFiles
import GalleyServe
import GalleyStyle
import GalleyWordPress
import Logging

/// `galley serve`: the HTTP service that sets posted articles and a WordPress site's posts as PDFs on demand.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve PDFs over HTTP: POST /v1/render, GET /v1/posts/{id}.pdf|png, /healthz, /metrics (see docs/serving.md).")

    @Option(name: .long, help: "Address to listen on (0.0.0.0 for every interface).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on; 0 lets the system choose (the port is printed).")
    var port = 8080

    @Option(name: .shortAndLong, help: "Articles set at once, one worker process each (default: the number of cores).")
    var jobs: Int?

    @Option(name: .long, help: "Articles that may wait for a worker; more are answered 503 with Retry-After.")
    var queue = 64

    @Option(name: .long, help: "Largest request body accepted, in bytes.")
    var bodyLimit = 4 << 20

    @Option(name: .long, help: "Seconds a client may take to send its request body; a slower one is answered 408.")
    var bodyTimeout = 30

    @Option(name: .long, help: "Seconds one article may take to set before it is stopped (answered 422).")
    var renderTimeout = 30

    @Option(name: .long, help: "File holding the bearer token every route but /healthz and /metrics requires (or $GALLEY_SERVE_TOKEN).", completion: Completions.file)
    var tokenFile: String?

    @Option(name: .long, help: "Folder keeping PDFs and page images by content hash (default: $XDG_CACHE_HOME/galley/serve).", completion: Completions.folder)
    var cache: String?

    @Option(name: .long, help: "WordPress site whose posts GET /v1/posts/{id}.pdf serves, e.g. https://example.org.")
    var wordpress: String?

    @Option(name: .long, help: "WordPress user whose application password lets the webhook attach PDFs to posts (and read private ones).")
    var user: String?

    @Option(name: .long, help: "File holding that user's application password.", completion: Completions.file)
    var appPasswordFile: String?

    @Option(name: .long, help: "Seconds a fetched post is trusted before the site is asked again (the webhook forgets it at once).")
    var postFreshSeconds = 60

    @Option(name: .long, help: "Layouts the service offers by name (repeatable; default: every layout in Layouts/).", completion: Completions.layouts)
    var offer: [String] = []

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if queue < 0 { throw ValidationError("--queue must be 0 or more") }
        if !(1...(1 << 30)).contains(bodyLimit) { throw ValidationError("--body-limit must be from 1 byte to 1 GiB") }
        if !(1...3600).contains(renderTimeout) { throw ValidationError("--render-timeout must be from 1 to 3600 seconds") }
        if !(1...3600).contains(bodyTimeout) { throw ValidationError("--body-timeout must be from 1 to 3600 seconds") }
        // --user and --app-password-file may each come from galley.yaml instead: they are checked together in run().
        if !(0...65535).contains(port) { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() throws {
        let resources = Session.resources
        let config: GalleyConfig?
        do {
            config = try common.configOption.load(limits: common.limits())
        } catch {
            Session.report(error)
            throw ExitCode(2)
        }
        let defaultLayout = common.layoutName(config: config)
        let names = offer.isEmpty ? Self.layoutNames(in: resources.layouts) : offer
        var layouts: [String: StyleSheet] = [:]
        for name in Set(names + [defaultLayout]) {
            do {
                var sheet = try resources.layout(name, config: config)
                if let standard = common.pdfStandard { try sheet.pdf.choose(standard) }
                layouts[name] = sheet
            } catch {
                Session.report(error)
                throw ExitCode(2)
            }
        }
        var limits = try common.limits()
        limits.articleSeconds = renderTimeout
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
            throw ValidationError("cannot find Galley's own executable (/proc/self/exe) to start workers from")
        }
        var settings = ServeSettings(cacheDirectory: URL(fileURLWithPath: cache ?? Self.defaultCache()))
        settings.host = host
        settings.port = port
        settings.bodyBytes = bodyLimit
        settings.bodySeconds = bodyTimeout
        settings.postFreshSeconds = postFreshSeconds
        settings.token = try token()
        // The log goes to standard error: standard output carries only the "listening on" line scripts read.
        var logger = Logger(label: "galley.serve", factory: { label in StreamLogHandler.standardError(label: label) })
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        if settings.token == nil, host != "127.0.0.1", host != "localhost", host != "::1" {
            logger.warning("no --token-file: anyone who can reach \(host):\(port) can use this service")
        }
        let workers = DocumentWorkers.Configuration(
            executable: executable, layouts: layouts, defaultLayout: defaultLayout, resources: resources, lineBreaker: common.lineBreaker?.rawValue,
            limits: limits, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, queueLength: queue,
            images: try common.imageOptions.settings())
        let access = try WordPressCredentials.resolve(site: wordpress, user: user, passwordFile: appPasswordFile, config: config)
        if let access, (access.user == nil) != (access.password == nil) {
            throw ValidationError("a WordPress user and application password go together (--user and --app-password-file, or cms.wordpress in galley.yaml)")
        }
        let posts: (any PostSource)?
        do {
            posts = try access.map { try WordPressPostSource(site: $0.site, user: $0.user, password: $0.password) }
        } catch {
            throw ValidationError("\(error)")
        }
        let application = ServeApplication(settings: settings, workers: workers, posts: posts, logger: logger)
        let outcome = ServeOutcome()
        Task {
            do {
                try await application.run { port in
                    // Scripts and tests that asked for port 0 read the port from this line.
                    FileHandle.standardOutput.write(Data("galley serve: listening on http://\(host):\(port)\n".utf8))
                }
            } catch {
                outcome.error = error
            }
            outcome.done.signal()
        }
        outcome.done.wait()
        if let error = outcome.error {
            Session.report(error)
            throw ExitCode(1)
        }
    }

    private func token() throws -> String? {
        if let tokenFile {
            do {
                let text = String(decoding: try RegularFile.read(tokenFile, limit: 4096, limitName: "token file"), as: UTF8.self)
                let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard token.count >= 16 else { throw ValidationError("\(tokenFile): the token must be at least 16 characters") }
                return token
            } catch let problem as FileProblem {
                throw ValidationError("\(problem.path): \(problem.reason)")
            }
        }
        return ProcessInfo.processInfo.environment["GALLEY_SERVE_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Every layout in `folder` by name (`article-a4` for `article-a4.yaml`), sorted.
    static func layoutNames(in folder: URL) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func defaultCache() -> String {
        UserCache.root.appendingPathComponent("serve").path
    }
}

/// How the service's task ended, handed to the command's thread, which waits for it (the command itself is not async).
private final class ServeOutcome: @unchecked Sendable {
    /// Signalled once, after `error` is set.
    let done = DispatchSemaphore(value: 0)
    /// Why the service stopped, if it failed.
    var error: (any Error)?
}

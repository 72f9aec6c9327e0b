import ArgumentParser
import Foundation
import GalleyCommandLine
import GalleyExport
import GalleyFiles
import GalleyServe
import GalleyStyle
import GalleyWordPress
import Logging

/// `galley serve`: the HTTP service that sets posted articles and a WordPress site's posts as PDFs on demand.
struct Serve: ParsableCommand {
    static let configuration = ServeOptions.configuration

    @OptionGroup var options: ServeOptions

    func run() throws {
        try options.execute()
    }
}

/// What `galley serve` does, on the options galley-net parsed.
extension ServeOptions {
    /// Runs `galley serve` with these options.
    func execute() throws {
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
        // Articles are set by `galley export-worker` processes: the typesetter, not this program, which has no
        // typesetting commands.
        let executable: String
        switch CompanionProgram.locate(CompanionProgram.typesetter) {
        case .success(let path): executable = path
        case .failure(let missing): throw ValidationError("\(missing)")
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

import ArgumentParser
import Foundation
import GalleyCommandLine
import GalleyExport
import GalleyFiles
import GalleyWordPress

/// `galley publish`: attaches each exported PDF to its WordPress post, one Galley PDF per post, and records the
/// attachment ids in the manifest.
struct Publish: ParsableCommand {
    static let configuration = PublishOptions.configuration

    @OptionGroup var options: PublishOptions

    func run() throws {
        try options.execute()
    }
}

/// What `galley publish` does, on the options galley-net parsed.
extension PublishOptions {
    /// Runs `galley publish` with these options.
    func execute() throws {
        let manifestURL = URL(fileURLWithPath: manifest)
        let site: WordPressSite
        let lock: ExportLock
        var loaded: ExportManifest
        do {
            guard FileManager.default.fileExists(atPath: manifestURL.path) else {
                throw ExportError("\(manifest): no such manifest (write one with galley export)")
            }
            let config = try configOption.load()
            guard let access = try WordPressCredentials.resolve(site: wordpress, user: user, passwordFile: appPasswordFile, config: config),
                  let user = access.user, let password = access.password, let url = URL(string: access.site) else {
                throw ValidationError("publishing needs a site, a user and an application password: --wordpress, --user and --app-password-file, or cms.wordpress in galley.yaml")
            }
            site = WordPressSite(url: url, user: user, password: password, timeout: .seconds(timeout))
            // The export's lock: publishing rewrites the manifest, which must not happen while an export writes it.
            lock = try ExportLock(manifest: manifestURL)
            let journal = manifestURL.deletingLastPathComponent().appendingPathComponent("." + manifestURL.lastPathComponent + ".journal")
            if FileManager.default.fileExists(atPath: journal.path) {
                throw ExportError("\(manifest): an export into it was interrupted; run galley export again to finish it before publishing")
            }
            loaded = try ExportManifest.load(manifestURL)
        } catch {
            Session.report(error)
            throw ExitCode(2)
        }
        let folder = pdfDir.map { URL(fileURLWithPath: $0) } ?? manifestURL.deletingLastPathComponent()
        // A failed article has no PDF of its current source to publish; its post keeps the PDF it had.
        let pending = loaded.articles.filter { $0.attachment == nil && $0.status != .failed }
        let quiet = quiet
        if !pending.isEmpty {
            // A site that is down or refuses the password fails once here, not once per article after a timeout each.
            do {
                _ = try Blocking.run { try await site.signedInUser() }
            } catch {
                Session.report(error)
                throw ExitCode(2)
            }
        }
        let results = try Blocking.run { [jobs] in
            await Self.publish(pending, folder: folder, publisher: WordPressPublisher(site: site), jobs: jobs, quiet: quiet)
        }
        var published = 0, reused = 0, deleted = 0, failed = 0
        var attachments: [String: Int] = [:]
        for result in results {
            switch result.outcome {
            case .success(let outcome):
                attachments[result.id] = outcome.attachment.id
                if outcome.uploaded { published += 1 } else { reused += 1 }
                deleted += outcome.deleted.count
            case .failure:
                failed += 1
            }
        }
        for index in loaded.articles.indices {
            if let attachment = attachments[loaded.articles[index].id] { loaded.articles[index].attachment = attachment }
        }
        if !attachments.isEmpty {
            do {
                try loaded.write(to: manifestURL)
            } catch {
                Session.report(error)
                throw ExitCode(2)
            }
        }
        withExtendedLifetime(lock) {}
        let unchanged = loaded.articles.count - pending.count
        Session.log("published: \(published) uploaded, \(reused) already there, \(unchanged) unchanged, \(deleted) earlier removed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }

    /// One article's result.
    private struct Result: Sendable {
        var id: String
        var outcome: Swift.Result<WordPressPublisher.Outcome, PublishFailure>
    }

    /// Publishes `entries`, `jobs` at a time, printing a line per article as it finishes.
    private static func publish(_ entries: [ManifestEntry], folder: URL, publisher: WordPressPublisher, jobs: Int, quiet: Bool) async -> [Result] {
        await withTaskGroup(of: Result.self) { group in
            var results: [Result] = []
            var waiting = entries.makeIterator()
            func start() {
                guard let entry = waiting.next() else { return }
                group.addTask { Result(id: entry.id, outcome: await publishOne(entry, folder: folder, publisher: publisher)) }
            }
            for _ in 0..<jobs { start() }
            while let result = await group.next() {
                start()
                switch result.outcome {
                case .success(let outcome):
                    guard !quiet else { break }
                    let verb = outcome.uploaded ? "uploaded" : "already on the site as"
                    let removed = outcome.deleted.isEmpty ? "" : ", removed " + outcome.deleted.map { "#\($0)" }.joined(separator: ", ")
                    Session.log("\(result.id): \(verb) attachment #\(outcome.attachment.id)\(removed)")
                    for problem in outcome.problems { Session.log("\(result.id): warning: \(problem)") }
                case .failure(let failure):
                    Session.log("\(result.id): error: \(failure.message)")
                }
                results.append(result)
            }
            return results
        }
    }

    /// Uploads one entry's PDF after checking that the file is the one the manifest describes.
    private static func publishOne(_ entry: ManifestEntry, folder: URL, publisher: WordPressPublisher) async -> Swift.Result<WordPressPublisher.Outcome, PublishFailure> {
        guard let post = Int(entry.id), post > 0 else {
            return .failure(PublishFailure(message: "the id \"\(entry.id)\" is not a WordPress post id"))
        }
        guard let output = entry.output, let expected = entry.sha256 else {
            return .failure(PublishFailure(message: "the manifest names no PDF for this article"))
        }
        let path = folder.appendingPathComponent(output).path
        let pdf: Data
        do {
            pdf = try RegularFile.read(path)
        } catch {
            return .failure(PublishFailure(message: Session.sentence(for: error)))
        }
        let sha256 = ContentHasher.sha256(pdf)
        guard sha256 == expected else {
            return .failure(PublishFailure(message: "\(path) is not the PDF the manifest describes (its SHA-256 differs); export again"))
        }
        do {
            return .success(try await publisher.publish(pdf, fileName: output, post: post, title: entry.title ?? output, sha256: sha256))
        } catch {
            return .failure(PublishFailure(message: String(describing: error)))
        }
    }
}

/// Why one article was not published, as the sentence printed for it.
struct PublishFailure: Error, Sendable {
    var message: String
}

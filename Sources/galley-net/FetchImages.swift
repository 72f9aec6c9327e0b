import ArgumentParser
import Foundation
import GalleyCommandLine
import GalleyFetch
import GalleyFetchHTTP
import GalleyFiles

/// `galley-net fetch-images`: downloads one batch of remote images for `galley` (a `FetchRequest` as JSON on
/// standard input) into the disk cache, and answers with a `FetchedImage` for every address as JSON on standard
/// output (see `HelperDownloader`).
struct FetchImages: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch-images",
        abstract: "Fetch remote images for galley (a JSON request on standard input; not for direct use).",
        shouldDisplay: false)

    /// The largest request read: addresses and hosts only, so a megabyte is thousands of images.
    static let requestLimit = 1 << 20

    func run() throws {
        let body: Data
        do {
            body = try StandardInput.read(limit: Self.requestLimit)
        } catch {
            Session.log("galley-net fetch-images: the image request could not be read: \(Session.sentence(for: error))")
            throw ExitCode(2)
        }
        let request: FetchRequest
        do {
            request = try JSONDecoder().decode(FetchRequest.self, from: body)
        } catch {
            // A request is written by galley, never by hand: a bad one is a mismatch of the two executables.
            Session.log("galley-net fetch-images: the image request is not a FetchRequest (are galley and galley-net from one build?): \(error)")
            throw ExitCode(2)
        }
        let fetcher = ImageFetcher(settings: request.settings, limits: request.limits)
        let answer = fetcher.fetchBlocking(request.urls, siteHosts: request.siteHosts, budget: request.budget)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        FileHandle.standardOutput.write(try encoder.encode(answer))
    }
}

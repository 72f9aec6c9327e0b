import Foundation
import GalleyFiles

/// Fetches remote images by asking `galley-net fetch-images` in a child process, so that `galley` itself carries no
/// HTTP client: the network stack's code and its thousands of conformance records are in the other executable
/// (docs/architecture-notes.md, "The network stack lives in galley-net").
///
/// What needs no network (a mirror, a refused address, a cached copy checked in this run, `--offline`) is answered
/// here by `LocalImageLookup`, as the HTTP fetcher answers it; only what is left starts a child (about 12 ms). The
/// child downloads into the same disk cache the settings name and answers with the files' paths, so what an article
/// draws is what the in-process fetcher would have given. Every failure, the child's own included, is an
/// answer for every address, never a thrown error.
public struct HelperDownloader: ImageDownloading {
    /// How the helper is run: the executable and its arguments.
    public let command: [String]
    /// Which hosts, mirrors, cache folder and network use.
    public let settings: ImageFetchSettings
    /// The download size and time limits.
    public let limits: Limits
    /// How long past the budget (or the downloads' own time limits) the child is waited for before it is stopped.
    var margin: TimeInterval = 10

    /// A downloader that runs `command` (`[path-to-galley-net, "fetch-images"]`) for each batch.
    public init(command: [String], settings: ImageFetchSettings, limits: Limits) {
        self.command = command
        self.settings = settings
        self.limits = limits
    }

    /// Makes every remote image of the process go through `galley-net`, found beside this executable; when it is not
    /// there, every address fails with a sentence saying where it was looked for.
    public static func install() {
        ImageDownloaders.install { settings, limits in
            switch CompanionProgram.locate(CompanionProgram.network) {
            case .success(let path): return HelperDownloader(command: [path, "fetch-images"], settings: settings, limits: limits)
            case .failure(let missing): return ImageDownloaders.Refusing(reason: "it cannot be fetched: \(missing)")
            }
        }
    }

    /// Every address of `urls` answered, blocking the calling thread: mirrors, refusals and cached copies the run may
    /// use here, and the rest by the helper, which is started only when something is left to download.
    public func fetchBlocking(_ urls: [String], siteHosts: [String], budget: Date?) -> [String: FetchedImage] {
        let lookup = LocalImageLookup(settings: settings, limits: limits)
        let allowed = HostAllowList(settings.allowedHosts + siteHosts)
        var answers: [String: FetchedImage] = [:]
        var left: [String] = []
        for url in Set(urls).sorted() {
            switch lookup.look(url, allowed: allowed, budget: budget) {
            case .answered(let answer): answers[url] = answer
            case .download: left.append(url)
            }
        }
        guard !left.isEmpty else { return answers }
        let request = FetchRequest(settings: settings, limits: limits, urls: left, siteHosts: siteHosts, budget: budget)
        let fetched: [String: FetchedImage]
        do {
            fetched = try run(request)
        } catch {
            for url in left { answers[url] = .failed("\(error)") }
            return answers
        }
        // An address the helper did not answer for is a failure with a reason, not a silently missing figure.
        for url in left {
            answers[url] = fetched[url] ?? .failed("the image fetcher (\(command[0])) gave no answer for it")
        }
        return answers
    }

    /// Every address of `urls` fetched as `fetchBlocking` does, on a thread of its own so that no thread of the
    /// caller's pool waits on the child.
    public func fetch(_ urls: [String], siteHosts: [String], budget: Date?) async -> [String: FetchedImage] {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: fetchBlocking(urls, siteHosts: siteHosts, budget: budget)) }
            thread.start()
        }
    }

    /// The longest the child is waited for: every address downloaded one after another at the time limit, or the
    /// budget, and then a margin for starting and writing the answer.
    func deadline(for request: FetchRequest, now: Date = Date()) -> Date {
        if let budget = request.budget { return max(budget, now).addingTimeInterval(margin) }
        let rounds = (request.urls.count + max(1, settings.concurrency) - 1) / max(1, settings.concurrency)
        return now.addingTimeInterval(TimeInterval(rounds * max(1, limits.imageDownloadSeconds)) + margin)
    }

    /// Runs the helper on `request` and decodes its answer; throws a sentence naming the helper when it cannot run,
    /// fails, outlives its deadline or answers what cannot be read.
    func run(_ request: FetchRequest) throws -> [String: FetchedImage] {
        let name = command[0]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: name)
        process.arguments = Array(command.dropFirst())
        // The request is the child's standard input as an unlinked temporary file, not a pipe: a child that exits
        // without reading it (or dies) can never make this process's write fail or raise SIGPIPE.
        process.standardInput = try requestFile(JSONEncoder().encode(request))
        let output = Pipe()
        process.standardOutput = output
        // The helper's standard error is the user's: a crash or a warning of its own reaches them as it would have.
        process.standardError = FileHandle.standardError
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        guard FileManager.default.isExecutableFile(atPath: name) else {
            throw HelperFailure("the image fetcher \(name) is missing or not executable")
        }
        do {
            try process.run()
        } catch {
            throw HelperFailure("the image fetcher \(name) could not be started: \(error.localizedDescription)")
        }
        // Read on a thread of its own while the child runs, so that a long answer never fills the pipe and stalls it.
        let reply = Locked(Data())
        let read = DispatchSemaphore(value: 0)
        let reader = Thread {
            let data = output.fileHandleForReading.readDataToEndOfFile()
            reply.withLock { $0 = data }
            read.signal()
        }
        reader.start()
        let started = Date()
        let limit = deadline(for: request, now: started)
        if finished.wait(timeout: .now() + max(0, limit.timeIntervalSinceNow)) == .timedOut {
            // SIGKILL, not SIGTERM: a child that is stuck is not trusted to end itself.
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
            read.wait()
            let allowed = String(format: "%.1f", limit.timeIntervalSince(started))
            throw HelperFailure("the image fetcher \(name) did not answer within \(allowed) s and was stopped")
        }
        read.wait()
        let data = reply.withLock { $0 }
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let how = process.terminationReason == .exit ? "exit status \(process.terminationStatus)" : "signal \(process.terminationStatus)"
            throw HelperFailure("the image fetcher \(name) failed (\(how))")
        }
        do {
            return try JSONDecoder().decode([String: FetchedImage].self, from: data)
        } catch {
            throw HelperFailure("the image fetcher \(name) answered something that is not a list of images (\(data.count) bytes)")
        }
    }

    /// A file holding `body`, open for reading from its start, and already unlinked.
    private func requestFile(_ body: Data) throws -> FileHandle {
        var template = Array((FileManager.default.temporaryDirectory.path + "/galley-fetch-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw HelperFailure("the image request could not be written: \(String(cString: strerror(errno)))") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        let file = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try file.write(contentsOf: body)
            try file.seek(toOffset: 0)
        } catch {
            throw HelperFailure("the image request could not be written: \(error.localizedDescription)")
        }
        return file
    }
}

/// Why the image fetcher gave no answer, as a clause.
struct HelperFailure: Error, CustomStringConvertible {
    /// The clause.
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

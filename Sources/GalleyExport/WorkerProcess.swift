import CProcessControl
import Foundation
import GalleyFiles

/// One worker process of an export, seen from the parent: started on first use, asked one request at a time, and
/// replaced when it dies or runs past its time.
///
/// Used by one pool thread only. The child is spawned with `posix_spawn` on pipes made close-on-exec, so that
/// workers spawned at once by other threads never inherit each other's pipes (a pipe a dead worker's sibling still
/// held open would never report its end).
final class WorkerProcess {
    /// How a request ended.
    enum Answer {
        /// The worker replied.
        case reply(WorkerReply)
        /// The worker died (a crash, a trap, a kill) before replying; the sentence says how.
        case died(String)
        /// The worker took longer than allowed and was killed.
        case timedOut(seconds: Int)
    }

    private let executable: String
    private let setup: WorkerSetup
    private var pid: pid_t = 0
    private var channel: LineChannel?
    private var toChild: Int32 = -1
    private var fromChild: Int32 = -1
    private let errors = StandardErrorTail()

    /// A worker running `executable export-worker` with `setup`.
    init(executable: String, setup: WorkerSetup) {
        self.executable = executable
        self.setup = setup
    }

    deinit { stop() }

    /// Starts the worker now rather than on its first request; throws `ExportError` when it cannot be set up.
    func prepare() throws {
        if channel == nil { try start() }
    }

    /// Sends `request` and waits for the reply, at most `limits.articleSeconds`; throws `ExportError` only when a
    /// worker cannot be started or set up at all (every article would fail the same way).
    func ask(_ request: WorkerRequest) throws -> Answer {
        if channel == nil { try start() }
        guard let channel else { return .died("the worker could not be started") }
        do {
            try channel.send(request)
            let reply = try channel.receive(WorkerReply.self, within: setup.limits.articleSeconds)
            errors.passOn()
            return .reply(reply)
        } catch LineChannel.ReadFailure.timedOut {
            kill(pid, SIGKILL)
            _ = reap()
            return .timedOut(seconds: setup.limits.articleSeconds)
        } catch {
            return .died(reap())
        }
    }

    private func start() throws {
        var input: [Int32] = [-1, -1], output: [Int32] = [-1, -1], diagnostics: [Int32] = [-1, -1]
        guard galley_pipe_cloexec(&input) == 0, galley_pipe_cloexec(&output) == 0, galley_pipe_cloexec(&diagnostics) == 0 else {
            throw ExportError("cannot start a worker process: \(String(cString: strerror(errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, output[1], STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, diagnostics[1], STDERR_FILENO)
        // A crashing worker should say what happened in a line, not spend a second printing a backtrace.
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        let arguments = [executable, "export-worker"]
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, argv, envp)
        close(input[0])
        close(output[1])
        close(diagnostics[1])
        guard status == 0 else {
            close(input[1])
            close(output[0])
            close(diagnostics[0])
            throw ExportError("cannot start a worker process (\(executable)): \(String(cString: strerror(status)))")
        }
        pid = child
        toChild = input[1]
        fromChild = output[0]
        errors.drain(diagnostics[0])
        let channel = LineChannel(input: fromChild, output: toChild)
        do {
            try channel.send(setup)
            let greeting = try channel.receive(WorkerGreeting.self, within: 120)
            if let problem = greeting.problem { throw ExportError("cannot set up a worker: \(problem)") }
        } catch let error as ExportError {
            stop()
            throw error
        } catch {
            let how = reap()
            throw ExportError("a worker process failed to start: \(how)")
        }
        self.channel = channel
    }

    /// Waits for the dead or killed child and says how it ended; closes its pipes so the next request starts another.
    private func reap() -> String {
        closePipes()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        pid = 0
        let lastWords = errors.lastLine().map { " (it said: \($0))" } ?? ""
        // The wait status: the low 7 bits are the signal that ended the process, or 0 for an exit.
        let signal = status & 0x7F
        if signal != 0 {
            let name = strsignal(signal).map { String(cString: $0).lowercased() } ?? "signal \(signal)"
            return "Galley's worker process crashed (signal \(signal), \(name))\(lastWords)"
        }
        return "Galley's worker process exited with status \((status >> 8) & 0xFF)\(lastWords)"
    }

    private func closePipes() {
        channel = nil
        if toChild >= 0 { close(toChild) }
        if fromChild >= 0 { close(fromChild) }
        toChild = -1
        fromChild = -1
    }

    private func stop() {
        guard pid > 0 else { return }
        errors.passOn()
        // Closing its input ends the worker's loop; it exits on its own.
        closePipes()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        pid = 0
    }
}

/// A worker's standard error, gathered on a thread of its own: passed on to Galley's own after each request the
/// worker survives, and read for its last words when it dies (a crash's stack dump is not passed on).
final class StandardErrorTail: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [UInt8] = []
    private var finished = DispatchSemaphore(value: 0)
    private static let capacity = 64 << 10

    /// Reads `descriptor` on a thread of its own until it closes.
    func drain(_ descriptor: Int32) {
        let done = DispatchSemaphore(value: 0)
        lock.withLock {
            pending = []
            finished = done
        }
        let thread = Thread { [self] in
            defer { done.signal() }
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(descriptor, &chunk, chunk.count)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                lock.withLock {
                    pending.append(contentsOf: chunk[0..<count])
                    if pending.count > Self.capacity { pending.removeFirst(pending.count - Self.capacity) }
                }
            }
            close(descriptor)
        }
        thread.stackSize = 256 << 10
        thread.start()
    }

    /// Writes what the worker has said so far to Galley's standard error.
    func passOn() {
        let bytes = lock.withLock { () -> [UInt8] in
            defer { pending = [] }
            return pending
        }
        guard !bytes.isEmpty else { return }
        _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress!, $0.count) }
    }

    /// The dead worker's last words: its fatal error message if it printed one, else its last non-empty line.
    func lastLine() -> String? {
        // They may still be in the pipe: wait (briefly) for the drain thread to read to its end.
        _ = lock.withLock { finished }.wait(timeout: .now() + 1)
        let text = lock.withLock { () -> String in
            defer { pending = [] }
            return String(decoding: pending, as: UTF8.self)
        }
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let chosen = lines.last { $0.contains("Fatal error") || $0.hasPrefix("error") || $0.contains("out of memory") } ?? lines.last
        return chosen.map { String($0.prefix(300)) }
    }
}

import Foundation
import GalleyFiles

/// Shows an export's progress: a live bar on a terminal, one line per article otherwise, JSON lines, or nothing.
public final class ExportProgress: ExportObserver {
    /// How progress is shown.
    public enum Style: Sendable {
        /// A bar redrawn in place on standard error, with count, rate and time left; failures print above it.
        case bar
        /// One line per article on standard error.
        case lines
        /// One JSON object per article on standard output, then one for the summary.
        case json
        /// Failures only.
        case quiet

        /// A bar when standard error is a terminal, else lines.
        public static var automatic: Style { isatty(STDERR_FILENO) == 1 ? .bar : .lines }
    }

    private struct State {
        var total = 0
        var toRender = 0
        var done = 0
        var rendered = 0
        var failed = 0
        var renderStart: ContinuousClock.Instant?
        var lastDraw: ContinuousClock.Instant?
        var barShown = false
        var over = false
    }

    private let style: Style
    private let outputFolder: String
    private let state = Locked(State())
    private let clock = ContinuousClock()
    private let ticker = Locked<(any DispatchSourceTimer)?>(nil)

    /// Reports in `style`; PDFs are named as inside `outputFolder` (as the user wrote it).
    public init(style: Style, outputFolder: String) {
        self.style = style
        self.outputFolder = outputFolder.hasSuffix("/") ? String(outputFolder.dropLast()) : outputFolder
    }

    /// Shows that files are being read.
    public func scanning(files: Int) {
        guard style == .bar else { return }
        state.withLock { state in
            state.barShown = true
            Self.standardError("\r\u{1B}[Kreading \(files) file\(files == 1 ? "" : "s")…")
        }
    }

    /// Starts the bar's count and clock.
    public func planned(total: Int, toRender: Int) {
        state.withLock { state in
            state.total = total
            state.toRender = toRender
            state.renderStart = clock.now
            if style == .bar { draw(&state, force: true) }
        }
        guard style == .bar else { return }
        // Redraw between completions too, so the rate and time left stay live through a slow article.
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + .milliseconds(500), repeating: .milliseconds(500))
        timer.setEventHandler { [self] in state.withLock { draw(&$0, force: false) } }
        timer.resume()
        ticker.withLock { $0 = timer }
    }

    /// Reports one article.
    public func finished(_ outcome: ArticleOutcome) {
        state.withLock { state in
            state.done += 1
            if outcome.status == .rebuilt { state.rendered += 1 }
            if outcome.status == .failed { state.failed += 1 }
            // Every warning reaches the user as it happens (and the manifest keeps them); --json carries them in the event.
            let warnings = outcome.warnings.map { $0 + "\n" }.joined()
            switch style {
            case .bar:
                if outcome.status == .failed || !warnings.isEmpty {
                    Self.standardError("\r\u{1B}[K" + warnings + (outcome.status == .failed ? Self.failureText(outcome) + "\n" : ""))
                    state.barShown = false
                }
                draw(&state, force: outcome.status == .failed || !warnings.isEmpty || state.done == state.total)
            case .lines:
                Self.standardError(warnings + line(for: outcome) + "\n")
            case .json:
                Self.standardOutput(Self.jsonLine(event: "article", outcome))
            case .quiet:
                if outcome.status == .failed { Self.standardError(Self.failureText(outcome) + "\n") }
            }
        }
    }

    /// Says that the run will stop after the articles in flight.
    public func interrupted() {
        state.withLock { state in
            guard style != .json else { return }
            let text = "interrupted: finishing the articles in flight (Ctrl-C again to stop at once)"
            Self.standardError((state.barShown ? "\r\u{1B}[K" : "") + text + "\n")
            state.barShown = false
            if style == .bar { draw(&state, force: true) }
        }
    }

    /// Prints the summary: counts, rate, the failures again (they may have scrolled away), and the manifest.
    public func completed(_ summary: ExportSummary) {
        ticker.withLock { timer in
            timer?.cancel()
            timer = nil
        }
        state.withLock { state in
            // A tick already queued must not draw the bar again under the summary.
            state.over = true
            switch style {
            case .json:
                Self.standardOutput(Self.jsonLine(event: "summary", summary))
            case .quiet:
                break
            case .bar, .lines:
                var text = state.barShown ? "\r\u{1B}[K" : ""
                state.barShown = false
                text += summary.line + "\n"
                if !summary.failures.isEmpty {
                    text += "failed:\n"
                    for failure in summary.failures.prefix(50) { text += "  \(failure)\n" }
                    if summary.failures.count > 50 { text += "  … and \(summary.failures.count - 50) more\n" }
                }
                if let manifest = summary.manifest { text += "manifest: \(manifest)\n" }
                Self.standardError(text)
            }
        }
    }

    private func line(for outcome: ArticleOutcome) -> String {
        let pdf = outcome.output.map { "\(outputFolder)/\($0)" } ?? "?"
        switch outcome.status {
        case .rebuilt:
            return "rebuilt \(pdf) (\(outcome.pages) page\(outcome.pages == 1 ? "" : "s"), \(ManifestEntry.label(bytes: outcome.bytes))) from \(outcome.source)"
        case .skipped:
            return "skipped \(pdf) (up to date)"
        case .failed:
            return "failed  " + Self.failureText(outcome)
        }
    }

    private static func failureText(_ outcome: ArticleOutcome) -> String {
        outcome.message ?? "\(outcome.source): failed"
    }

    /// Redraws the bar at most ten times a second, so drawing never costs more than the work it shows.
    private func draw(_ state: inout State, force: Bool) {
        // Before planning there is no total to show; failures found while reading print on their own.
        guard state.renderStart != nil, !state.over else { return }
        let now = clock.now
        if !force, let last = state.lastDraw, now - last < .milliseconds(100) { return }
        state.lastDraw = now
        let width = 24
        let fraction = state.total > 0 ? Double(state.done) / Double(state.total) : 0
        let filled = min(width, Int(fraction * Double(width)))
        var text = "\r\u{1B}[K[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
        text += "\(state.done)/\(state.total)"
        if let start = state.renderStart {
            let elapsed = Self.seconds(now - start)
            if state.rendered > 0, elapsed > 0 {
                let rate = Double(state.rendered) / elapsed
                text += String(format: "  %.1f articles/s", rate)
                let remaining = Double(max(0, state.toRender - state.rendered)) / rate
                text += "  " + Self.clockText(remaining) + " left"
            }
        }
        if state.failed > 0 { text += "  \(state.failed) failed" }
        state.barShown = true
        Self.standardError(text)
    }

    private static func clockText(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        return total >= 3600 ? String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
            : String(format: "%d:%02d", total / 60, total % 60)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func jsonLine<Value: Encodable>(event: String, _ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let body = try? encoder.encode(value),
              var object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
            return "{\"event\":\"\(event)\"}\n"
        }
        object["event"] = event
        guard let line = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return "{\"event\":\"\(event)\"}\n"
        }
        return String(decoding: line, as: UTF8.self) + "\n"
    }

    private static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    private static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

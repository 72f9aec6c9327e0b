import Foundation

/// The totals of an export run, and the exit status they call for.
public struct ExportSummary: Sendable, Encodable {
    /// Articles laid out and written.
    public var rebuilt = 0
    /// Articles whose PDFs were up to date.
    public var skipped = 0
    /// Articles (or files) that failed.
    public var failed = 0
    /// Articles that belonged to another shard.
    public var otherShards = 0
    /// Articles never started because the run was interrupted.
    public var notStarted = 0
    /// Pages in the rebuilt PDFs.
    public var pages = 0
    /// Bytes of rebuilt PDF.
    public var bytes = 0
    /// Wall-clock seconds for the whole run.
    public var seconds: Double = 0
    /// Wall-clock seconds spent laying out and writing (after reading and planning).
    public var renderSeconds: Double = 0
    /// Whether SIGINT stopped the run early.
    public var interrupted = false
    /// Each failure as `file: reason`, in the order they happened.
    public var failures: [String] = []
    /// The manifest written, if any.
    public var manifest: String?
    /// The process's peak resident set in KiB at the end of the run (`getrusage`'s `ru_maxrss`).
    public var peakResidentKiB = 0
    /// This process's own peak resident set in KiB, without its worker processes'.
    public var parentPeakResidentKiB = 0

    /// Creates an empty summary.
    public init() {}

    /// 130 when interrupted, 1 when any article failed, else 0.
    public var exitStatus: Int32 {
        interrupted ? 130 : failed > 0 ? 1 : 0
    }

    /// Rebuilt articles per second of rendering.
    public var articlesPerSecond: Double { renderSeconds > 0 ? Double(rebuilt) / renderSeconds : 0 }
    /// Rebuilt pages per second of rendering.
    public var pagesPerSecond: Double { renderSeconds > 0 ? Double(pages) / renderSeconds : 0 }

    /// The closing line: counts, time and rate.
    public var line: String {
        var parts = ["\(rebuilt) rebuilt", "\(skipped) skipped", "\(failed) failed"]
        if otherShards > 0 { parts.append("\(otherShards) in other shards") }
        if notStarted > 0 { parts.append("\(notStarted) not started") }
        var text = (interrupted ? "interrupted: " : "exported: ") + parts.joined(separator: ", ")
        text += String(format: " in %.2f s", seconds)
        if rebuilt > 0 { text += String(format: " (%.1f articles/s, %.1f pages/s)", articlesPerSecond, pagesPerSecond) }
        return text
    }

    private enum CodingKeys: String, CodingKey {
        case rebuilt, skipped, failed, otherShards, notStarted, pages, bytes, seconds, renderSeconds, interrupted, failures,
             manifest, peakResidentKiB, parentPeakResidentKiB, articlesPerSecond, pagesPerSecond, exitStatus
    }

    /// Encodes the totals and the derived rates and exit status.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rebuilt, forKey: .rebuilt)
        try container.encode(skipped, forKey: .skipped)
        try container.encode(failed, forKey: .failed)
        try container.encode(otherShards, forKey: .otherShards)
        try container.encode(notStarted, forKey: .notStarted)
        try container.encode(pages, forKey: .pages)
        try container.encode(bytes, forKey: .bytes)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(renderSeconds, forKey: .renderSeconds)
        try container.encode(interrupted, forKey: .interrupted)
        try container.encode(failures, forKey: .failures)
        try container.encodeIfPresent(manifest, forKey: .manifest)
        try container.encode(peakResidentKiB, forKey: .peakResidentKiB)
        try container.encode(parentPeakResidentKiB, forKey: .parentPeakResidentKiB)
        try container.encode(articlesPerSecond, forKey: .articlesPerSecond)
        try container.encode(pagesPerSecond, forKey: .pagesPerSecond)
        try container.encode(exitStatus, forKey: .exitStatus)
    }
}

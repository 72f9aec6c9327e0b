import Foundation

/// Peak resident memory from `getrusage`, for export summaries and benchmarks.
public enum PeakMemory {
    /// This process's peak resident set in KiB (`RUSAGE_SELF`).
    public static func selfKiB() -> Int { kibibytes(RUSAGE_SELF.rawValue) }

    /// The largest peak resident set in KiB of any waited-for child process (`RUSAGE_CHILDREN`).
    public static func childrenKiB() -> Int { kibibytes(RUSAGE_CHILDREN.rawValue) }

    private static func kibibytes(_ who: Int32) -> Int {
        var usage = rusage()
        getrusage(who, &usage)
        // Linux reports ru_maxrss in KiB.
        return Int(usage.ru_maxrss)
    }
}

import Foundation

/// Temporary folders for tests, all inside one folder per test process that is removed when the process exits.
///
/// Tests keep what they write until the run ends (a failing test's files can be looked at while it runs), and most
/// never removed their folders: each run of the suite left some 150 folders of PDFs in `/tmp`. The folders of a run
/// that crashed, and so never reached its exit handler, are removed by the next run, once their process is gone.
public enum ScratchFolders {
    /// A new empty folder named `prefix-<uuid>` inside this process's scratch root.
    public static func make(prefix: String) throws -> URL {
        let folder = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private static let rootPrefix = "galley-tests-"

    /// `$TMPDIR/galley-tests-<pid>`, made on first use, with the roots of finished processes swept and removal at exit
    /// registered.
    private static let root: URL = {
        let temporary = FileManager.default.temporaryDirectory
        sweepFinishedRuns(in: temporary)
        let folder = temporary.appendingPathComponent("\(rootPrefix)\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        rootPath = folder.path
        atexit {
            // A C exit handler captures nothing: the path comes from the global, set once before the handler exists.
            if let path = ScratchFolders.rootPath { try? FileManager.default.removeItem(atPath: path) }
        }
        return folder
    }()

    /// The root's path, for the exit handler; written once, inside `root`'s one-time initialisation, before the
    /// handler is registered.
    nonisolated(unsafe) private static var rootPath: String?

    /// Removes the scratch roots of processes that no longer run (a crashed or killed run's).
    private static func sweepFinishedRuns(in temporary: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: temporary.path) else { return }
        for name in names where name.hasPrefix(rootPrefix) {
            guard let pid = Int32(name.dropFirst(rootPrefix.count)), pid != getpid() else { continue }
            // kill with signal 0 only asks whether the process exists.
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
            }
        }
    }
}

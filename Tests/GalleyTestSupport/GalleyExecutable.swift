import Foundation

/// Finds the `galley` executable the tests run, wherever the build put it.
public enum GalleyExecutable {
    /// The repository's root, found from this file's path.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `$GALLEY_EXECUTABLE` when set, else the `galley` built beside the running test binary (whatever the scratch
    /// path: CI builds in a fresh clone's `.build`, a developer may use `--scratch-path`), else `.build/debug/galley`.
    public static let url: URL = {
        if let path = ProcessInfo.processInfo.environment["GALLEY_EXECUTABLE"], !path.isEmpty { return URL(fileURLWithPath: path) }
        if let me = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var folder = URL(fileURLWithPath: me).deletingLastPathComponent()
            // The test binary sits in `<scratch>/<triple>/debug/`, or inside an `.xctest` bundle there.
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("galley")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                folder = folder.deletingLastPathComponent()
            }
        }
        return root.appendingPathComponent(".build/debug/galley")
    }()
}

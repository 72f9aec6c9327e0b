import Foundation

/// This process's executable, with symlinks resolved: where Galley's data and its other executable are looked for.
public enum RunningExecutable {
    /// The executable's path. `argv[0]` is only a name when Galley is found on the `PATH`, so Linux's
    /// `/proc/self/exe` (the kernel's resolved path) comes first.
    public static func url() -> URL? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        if let url = Bundle.main.executableURL { return url.resolvingSymlinksInPath() }
        return CommandLine.arguments.first.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath() }
    }
}

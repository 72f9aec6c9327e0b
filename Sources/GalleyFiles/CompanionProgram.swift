import Foundation

/// Finds Galley's other executable: `galley` sets and draws, `galley-net` holds everything that speaks HTTP (`serve`,
/// `publish`, remote image downloads), so that the typesetting commands start without the network stack.
///
/// The two are looked for beside each other (a build folder, or `PREFIX/bin` of an older install), and where
/// `scripts/install.sh` and the Debian package put them: `PREFIX/bin/galley` and `PREFIX/libexec/galley/galley-net`.
public enum CompanionProgram {
    /// The executable that speaks HTTP.
    public static let network = "galley-net"
    /// The executable that typesets.
    public static let typesetter = "galley"

    /// The places `name` is looked for, in order, from the folder of this process's executable.
    public static func candidates(for name: String, from folder: URL) -> [URL] {
        [
            folder.appendingPathComponent(name),
            folder.deletingLastPathComponent().appendingPathComponent("libexec/galley").appendingPathComponent(name),
            // galley-net in PREFIX/libexec/galley looking for PREFIX/bin/galley.
            folder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("bin").appendingPathComponent(name),
        ]
    }

    /// The path of `name`, or a sentence saying where it was looked for.
    public static func locate(_ name: String) -> Result<String, CompanionMissing> {
        guard let me = RunningExecutable.url() else { return .failure(CompanionMissing(name: name, looked: [])) }
        let places = candidates(for: name, from: me.deletingLastPathComponent())
        for place in places where FileManager.default.isExecutableFile(atPath: place.path) {
            return .success(place.standardizedFileURL.path)
        }
        return .failure(CompanionMissing(name: name, looked: places.map { $0.standardizedFileURL.path }))
    }
}

/// Galley's other executable was not found: which one, and where it was looked for.
public struct CompanionMissing: Error, CustomStringConvertible, Equatable {
    /// The executable's name.
    public let name: String
    /// The paths tried, in order.
    public let looked: [String]

    /// The problem of `name` not found at any of `looked`.
    public init(name: String, looked: [String]) {
        self.name = name
        self.looked = looked
    }

    /// The problem as a sentence a user can act on.
    public var description: String {
        let places = looked.isEmpty ? "(this process's own path could not be read)" : looked.joined(separator: ", ")
        return "\(name) is not installed beside galley (looked for \(places)); build it with `swift build --product \(name)` "
            + "or install Galley with scripts/install.sh"
    }
}

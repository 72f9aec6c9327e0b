import ArgumentParser
import GalleyFiles

/// `--limit name=value`, shared by every command that reads articles.
public struct LimitOptions: ParsableArguments, Sendable {
    /// Options as the parser makes them, every one at its default.
    public init() {}

    /// Raise or lower a limit inputs are held to, as name=value (repeatable).
    @Option(name: .customLong("limit"), help: ArgumentHelp("Raise or lower a limit inputs are held to, as name=value (repeatable); see docs/limits.md.",
                                                         valueName: "name=value"))
    public var assignments: [String] = []

    /// The limits, defaults changed by every `--limit`; an unknown name or a bad value fails validation.
    public func limits() throws -> Limits {
        do {
            return try Limits().applying(assignments)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// Refuses an unknown limit or a bad value.
    public func validate() throws {
        _ = try limits()
    }
}

import ArgumentParser
import GalleyFiles

/// `--limit name=value`, shared by every command that reads articles.
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("limit"), help: ArgumentHelp("Raise or lower a limit inputs are held to, as name=value (repeatable); see docs/limits.md.",
                                                         valueName: "name=value"))
    var assignments: [String] = []

    /// The limits, defaults changed by every `--limit`; an unknown name or a bad value fails validation.
    func limits() throws -> Limits {
        do {
            return try Limits().applying(assignments)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func validate() throws {
        _ = try limits()
    }
}

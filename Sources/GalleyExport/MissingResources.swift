import Foundation

/// Galley's data folders (`Layouts/`, `Fonts/`) were not found: the error names every folder searched and how to
/// point Galley at its data, so that a binary copied without them fails with a sentence, not "no such layout file".
public struct MissingResources: Error, Sendable, CustomStringConvertible {
    /// The folders searched, in the order they were tried.
    public var searched: [URL]
    /// Whether the one folder searched came from `$GALLEY_HOME`.
    public var fromEnvironment: Bool

    /// An error for a search of `searched` (`fromEnvironment`: the folder was `$GALLEY_HOME`).
    public init(searched: [URL], fromEnvironment: Bool) {
        self.searched = searched
        self.fromEnvironment = fromEnvironment
    }

    /// The message, naming each folder searched.
    public var description: String {
        let places = searched.map(\.path).joined(separator: ", ")
        if fromEnvironment {
            return "GALLEY_HOME is \(places), which has no Layouts/ and Fonts/ folders; "
                + "set it to the folder holding them (an install's PREFIX/share/galley, or a checkout), or unset it"
        }
        return "cannot find Galley's data (Layouts/ and Fonts/); looked in \(places). "
            + "Install with scripts/install.sh (the data goes to PREFIX/share/galley beside PREFIX/bin/galley) "
            + "or set GALLEY_HOME to the folder holding Layouts/ and Fonts/ (docs/install.md)"
    }
}

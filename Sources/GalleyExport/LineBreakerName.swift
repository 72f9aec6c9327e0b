import GalleyDiagnostics
import GalleyLayout

/// The line breakers a command line or a worker process can name.
public enum LineBreakerName {
    /// The names accepted.
    public static let names = ["first-fit", "knuth-plass"]

    /// The breaker called `name`, or nil (the layout's) for nil; throws a sentence for an unknown name.
    public static func breaker(_ name: String?) throws -> (any LineBreaker)? {
        switch name {
        case nil: return nil
        case "first-fit": return FirstFitLineBreaker()
        case "knuth-plass": return KnuthPlassLineBreaker()
        case let other?: throw ExportError("unknown line breaker \"\(other)\" (expected \(names.joined(separator: " or ")))")
        }
    }
}

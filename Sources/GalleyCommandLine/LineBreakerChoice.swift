import ArgumentParser
import GalleyExport

/// The line breakers `--line-breaker` accepts, so that the parser refuses any other name with the command's own
/// usage and completion offers the names.
public enum LineBreakerChoice: String, CaseIterable, ExpressibleByArgument, Sendable {
    case firstFit = "first-fit"
    case knuthPlass = "knuth-plass"
}

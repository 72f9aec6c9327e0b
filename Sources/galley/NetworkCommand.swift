import Foundation
import GalleyCommandLine
import GalleyFiles

/// Runs `galley serve` and `galley publish`, which live in `galley-net` with the rest of what speaks HTTP: once
/// `galley` has checked the command line, the process becomes `galley-net` with the same arguments (same process id,
/// signals and exit status), so scripts, service managers and tests see one `galley serve`.
enum NetworkCommand {
    /// Becomes `galley-net` with `arguments`; when it cannot, says why and exits with status 2.
    static func replaceProcess(with arguments: [String]) -> Never {
        let path: String
        switch CompanionProgram.locate(CompanionProgram.network) {
        case .success(let found): path = found
        case .failure(let missing):
            Session.log("galley \(arguments.first ?? ""): \(missing)")
            exit(2)
        }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        let reason = String(cString: strerror(errno))
        Session.log("galley \(arguments.first ?? ""): \(path) could not be run: \(reason)")
        exit(2)
    }
}

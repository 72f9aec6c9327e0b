import Foundation
import GalleyFuzzing

// Built two ways. With `-D GALLEY_LIBFUZZER -sanitize=fuzzer,address` (scripts/fuzz.sh) it is a libFuzzer target:
// libFuzzer owns `main` and calls `LLVMFuzzerTestOneInput` with each input. Built normally it replays files
// (`galley-fuzz <target> FILE…`), which is how a finding is reproduced in a debugger or an ordinary build.

/// The context for the whole run: libFuzzer calls the target on one thread only.
nonisolated(unsafe) private var fuzzContext: FuzzContext?

/// The target named by `GALLEY_FUZZ_TARGET`, checked once.
private func chosenTarget(_ name: String?) -> FuzzTarget {
    guard let name, let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("galley-fuzz: name a target (\(names)) with GALLEY_FUZZ_TARGET or as the first argument\n".utf8))
        exit(2)
    }
    return target
}

#if GALLEY_LIBFUZZER
nonisolated(unsafe) private var fuzzTarget: FuzzTarget?

/// libFuzzer's driver, which parses its flags from the command line and calls `callback` with each input.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                             _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// The program's entry: SwiftPM names an executable's `main` after its target, so libFuzzer's own `main` is not
/// used and its driver is started from here.
@_cdecl("galley_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { bytes, size in fuzzOneInput(bytes, size) }
}

/// libFuzzer's entry point: one input, run through the target chosen by `GALLEY_FUZZ_TARGET`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let target = fuzzTarget ?? chosenTarget(ProcessInfo.processInfo.environment["GALLEY_FUZZ_TARGET"])
    fuzzTarget = target
    let context = fuzzContext ?? FuzzContext()
    fuzzContext = context
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    target.run(data, context: context)
    return 0
}
#else
/// Replays inputs through a target: `galley-fuzz <target> FILE…`.
@main
struct FuzzReplay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let target = chosenTarget(arguments.first)
        let context = FuzzContext()
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("galley-fuzz: \(path): cannot be read\n".utf8))
                exit(2)
            }
            if let refusal = target.run(data, context: context) {
                print("\(path): refused as it should be: \(refusal.message)\(refusal.line.map { " (line \($0))" } ?? "")")
            } else {
                print("\(path): accepted")
            }
        }
    }
}
#endif

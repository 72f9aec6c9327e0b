import Foundation

/// How a fuzzing target reports a broken promise: a trap, which libFuzzer and the replay tool both record with the
/// input that caused it.
enum FuzzFailure {
    /// Traps with `message` unless `condition` holds.
    static func check(_ condition: Bool, _ message: @autoclosure () -> String, data: Data) {
        if !condition { fail(message(), data: data) }
    }

    /// Traps with `message` and the size of the input.
    static func fail(_ message: String, data: Data) -> Never {
        fatalError("fuzzing found: \(message) (input of \(data.count) bytes)")
    }
}

import ArgumentParser

/// Refuses a single-valued option given twice (`-o a.pdf -o b.pdf`): swift-argument-parser keeps the last value
/// silently, and a user who typed two has made a mistake worth hearing about.
public enum RepeatedOptions {
    /// The options that take one value (their short and long spellings), across the commands.
    public static let single: [[String]] = [
        ["-o", "--output"], ["--out-dir"], ["--layout"], ["--from"], ["--line-breaker"], ["--pdf-standard"], ["-j", "--jobs"],
        ["--manifest"], ["--layout-cache"], ["--port"], ["--host"], ["--config"],
    ]

    /// Throws a validation error naming the first option of `arguments` that appears more than once.
    public static func refuse(in arguments: [String]) throws {
        var seen: [Int: String] = [:]
        for argument in arguments.dropFirst() {
            if argument == "--" { break }
            let name = argument.hasPrefix("--") ? String(argument.split(separator: "=", maxSplits: 1)[0]) : argument
            guard let option = single.firstIndex(where: { $0.contains(name) }) else { continue }
            if let first = seen[option] {
                throw ValidationError("\(single[option].joined(separator: "/")) is given twice (\(first) and \(name)); give it once")
            }
            seen[option] = name
        }
    }
}

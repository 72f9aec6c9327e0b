import Yams

/// Refuses plain YAML scalars that Yams would read as a base-60 integer too large to hold.
///
/// YAML 1.1 reads `1:20:30` as a base-60 number, and Yams, asked for an `Int` or through tag resolution, adds up
/// the parts without checking for overflow: eleven or more parts (or one huge part) trap the process. Found by
/// fuzzing the issue reader (`Tests/Fuzz/issue/`). Galley walks the composed tree first and refuses such a value
/// with its line, which costs nothing for real files and keeps the trap out of reach.
public enum YAMLIntegerGuard {
    /// Throws a `Diagnostic` at the first plain scalar in `node` that Yams cannot read as an integer without
    /// overflowing.
    public static func check(_ node: Node, file: String) throws {
        var pending = [node]
        while let next = pending.popLast() {
            switch next {
            case .scalar(let scalar):
                if scalar.style == .plain || scalar.style == .any, overflows(scalar.string) {
                    let shown = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
                    throw Diagnostic(file: file, line: next.mark?.line,
                                     message: "\(QuotedValue.quote(shown)) reads as a base-60 number (YAML 1.1 joins digits with colons) too large to hold; put it in quotes if it is text")
                }
            case .mapping(let mapping):
                for (key, value) in mapping.reversed() { pending.append(value); pending.append(key) }
            case .sequence(let sequence):
                pending.append(contentsOf: sequence.reversed())
            }
        }
    }

    /// Whether `text`, read the way Yams reads a base-60 integer, overflows an `Int`.
    static func overflows(_ text: String) -> Bool {
        guard text.contains(":") else { return false }
        var digits = text.replacingOccurrences(of: "_", with: "")
        var sign = 1
        if digits.hasPrefix("-") {
            sign = -1
            digits.removeFirst()
        } else if digits.hasPrefix("+") {
            digits.removeFirst()
        }
        // Prefixed numbers are read by `Int(_:radix:)`, which returns nil on overflow rather than trapping.
        if digits.hasPrefix("0") { return false }
        var base = 1
        var value = 0
        for part in digits.split(separator: ":", omittingEmptySubsequences: false).reversed() {
            guard let digit = Int(part) else { continue }
            let (term, termOverflow) = digit.multipliedReportingOverflow(by: base)
            let (sum, sumOverflow) = value.addingReportingOverflow(term)
            let (nextBase, baseOverflow) = base.multipliedReportingOverflow(by: 60)
            if termOverflow || sumOverflow || baseOverflow { return true }
            (value, base) = (sum, nextBase)
        }
        return sign.multipliedReportingOverflow(by: value).overflow
    }
}

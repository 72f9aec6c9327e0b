import Foundation

/// Completes a hyphenation pattern file the way libhyphen expects before it compiles one: every prefix of a pattern
/// (a state of libhyphen's automaton) carries the values of all the patterns found inside it.
///
/// libhyphen's automaton reports, at each state, only the values stored for that state; it relies on the pattern
/// file having been run through LibreOffice's `substrings.pl`, which gives every state the values of the patterns
/// it contains, as Liang's algorithm would apply them. Debian's Russian and Ukrainian files were not, so libhyphen alone finds a fraction of their
/// hyphenation points ("прошлого" gets none instead of "про-шло-го") and Russian text sets loosely. Files that were
/// processed come out unchanged in effect, since merging is idempotent.
enum PatternExpansion {
    /// Changes whenever the completion changes, so that automata cached by an earlier version are not reused.
    static let version = 1

    /// The pattern file `source` with every plain pattern completed; other lines (the character set, directives,
    /// comments, non-standard `/` patterns) are kept as they are. Works on bytes: digits are ASCII in every
    /// encoding libhyphen reads, and a UTF-8 pattern can only match another at a character boundary.
    static func expand(_ source: Data) -> Data {
        let lines = source.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        var output: [[UInt8]] = []
        var level: [(index: Int, letters: [UInt8], values: [UInt8])] = []
        func flush() {
            var byLetters: [[UInt8]: [UInt8]] = [:]
            for pattern in level { byLetters[pattern.letters] = merged(byLetters[pattern.letters], pattern.values) }
            // The automaton has a state for every prefix of every pattern, and reports only that state's values.
            var states = Set<[UInt8]>()
            for pattern in level {
                for end in 1...pattern.letters.count { states.insert(Array(pattern.letters[..<end])) }
            }
            var completed: [[UInt8]: [UInt8]] = [:]
            for state in states {
                var values = byLetters[state] ?? [UInt8](repeating: 0, count: state.count + 1)
                // Every pattern inside the state's letters lends its values.
                for start in 0..<state.count {
                    for end in (start + 1)...state.count where end - start < state.count {
                        guard let inner = byLetters[Array(state[start..<end])] else { continue }
                        for (offset, value) in inner.enumerated() where value > values[start + offset] {
                            values[start + offset] = value
                        }
                    }
                }
                if byLetters[state] != nil || values.contains(where: { $0 > 0 }) { completed[state] = values }
            }
            for pattern in level {
                output[pattern.index] = render(pattern.letters, completed[pattern.letters] ?? pattern.values)
            }
            // New patterns for the states that had none, in a fixed order so that the result is always the same.
            let added = completed.keys.filter { byLetters[$0] == nil }.sorted { $0.lexicographicallyPrecedes($1) }
            let insertAt = (level.last?.index ?? output.count - 1) + 1
            output.insert(contentsOf: added.map { render($0, completed[$0]!) }, at: min(insertAt, output.count))
            level.removeAll()
        }
        for (number, line) in lines.enumerated() {
            output.append(line)
            let text = line.filter { $0 != UInt8(ascii: "\r") }
            // The first line names the encoding; the others are directives, comments or patterns.
            guard number > 0, !text.isEmpty, !text.contains(UInt8(ascii: "/")), !text.contains(UInt8(ascii: " ")),
                  text.first != UInt8(ascii: "%"), text.first != UInt8(ascii: "#") else { continue }
            if String(decoding: text, as: UTF8.self) == "NEXTLEVEL" {
                flush()
                continue
            }
            // Directives are upper-case ASCII words (LEFTHYPHENMIN 2); patterns hold no ASCII upper case.
            if text.contains(where: { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) { continue }
            var letters: [UInt8] = []
            var values: [UInt8] = [0]
            for byte in text {
                if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                    values[values.count - 1] = byte - UInt8(ascii: "0")
                } else {
                    letters.append(byte)
                    values.append(0)
                }
            }
            guard !letters.isEmpty else { continue }
            level.append((output.count - 1, letters, values))
        }
        flush()
        return Data(output.joined(separator: [UInt8(ascii: "\n")]))
    }

    private static func merged(_ existing: [UInt8]?, _ values: [UInt8]) -> [UInt8] {
        guard let existing else { return values }
        return zip(existing, values).map(max)
    }

    /// A pattern line: each value before its letter, zeros left out.
    private static func render(_ letters: [UInt8], _ values: [UInt8]) -> [UInt8] {
        var line: [UInt8] = []
        for (index, letter) in letters.enumerated() {
            if values[index] > 0 { line.append(UInt8(ascii: "0") + values[index]) }
            line.append(letter)
        }
        if let last = values.last, last > 0 { line.append(UInt8(ascii: "0") + last) }
        return line
    }
}

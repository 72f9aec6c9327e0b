/// The known name a misspelt one was probably meant to be, for "did you mean" hints.
public enum KeySuggestion {
    /// The name in `known` closest to `name` by edit distance (ignoring case), if it is close enough to be a typo:
    /// at most a third of the name's letters, and never more than three, are wrong.
    public static func closest(to name: String, in known: some Sequence<String>) -> String? {
        let target = Array(name.lowercased())
        let allowed = min(3, max(1, target.count / 3))
        var best: (name: String, distance: Int)?
        for candidate in known {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if distance <= allowed, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// Levenshtein distance, with one row kept at a time.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}

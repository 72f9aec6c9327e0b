/// How many letters of each script a text holds, and the script and language they point to.
public struct ScriptProfile: Sendable, Equatable {
    /// Letters per script, indexed by `LetterScript.rawValue`.
    private var counts = [Int](repeating: 0, count: LetterScript.allCases.count)
    /// Runs of letters in scripts that space their words.
    private var spacedRuns = 0
    /// Whether the last scalar added was a letter of a spaced script (a run is open).
    private var inSpacedRun = false

    /// The number of letters counted, in all scripts together.
    public private(set) var letterCount = 0

    /// Creates an empty profile.
    public init() {}

    /// Creates the profile of `text`.
    public init(_ text: String) {
        add(text)
    }

    /// Counts the letters of `text` in; a word cut by the end of one piece may go on in the next.
    public mutating func add<S: StringProtocol>(_ text: S) {
        for scalar in text.unicodeScalars { add(scalar) }
    }

    /// Counts one scalar in.
    mutating func add(_ scalar: Unicode.Scalar) {
        guard let script = LetterScript(letter: scalar) else {
            if scalar.value < 0x80 || !Self.staysInWord(scalar) { inSpacedRun = false }
            return
        }
        counts[script.rawValue] += 1
        letterCount += 1
        if script.isUnspaced {
            inSpacedRun = false
        } else if !inSpacedRun {
            inSpacedRun = true
            spacedRuns += 1
        }
    }

    /// Whether a scalar that is no letter still belongs to the word around it: combining marks (a decomposed accent,
    /// the Devanagari virama), joiners and the soft hyphen.
    private static func staysInWord(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format: true
        default: false
        }
    }

    /// Ends the current word, for text that was left out between two pieces.
    mutating func breakWord() {
        inSpacedRun = false
    }

    /// The number of letters of `script`.
    public func count(of script: LetterScript) -> Int {
        counts[script.rawValue]
    }

    /// About how many words the text holds: runs of letters where words are spaced, two letters a word where not.
    public var wordEstimate: Int {
        let unspaced = LetterScript.allCases.lazy.filter(\.isUnspaced).map { self.counts[$0.rawValue] }.reduce(0, +)
        return spacedRuns + unspaced / 2
    }

    /// The script with the most letters, or nil when there are none.
    ///
    /// Han and kana count together: as kana (Japanese) when at least one letter in twenty of them is kana, as Han
    /// otherwise. Japanese prose is mostly kana, while a Chinese text may hold a stray kana in a name.
    public var dominantScript: LetterScript? {
        let han = count(of: .han), kana = count(of: .kana)
        var best: LetterScript?
        var bestCount = 0
        for script in LetterScript.allCases {
            let count: Int
            switch script {
            case .han: count = kana * 20 >= han + kana ? 0 : han + kana
            case .kana: count = kana > 0 && kana * 20 >= han + kana ? han + kana : 0
            default: count = counts[script.rawValue]
            }
            if count > bestCount {
                best = script
                bestCount = count
            }
        }
        return best
    }

    /// The default language of the dominant script (`LetterScript.defaultLanguage`), or nil for text without letters.
    public var guessedLanguage: String? {
        dominantScript?.defaultLanguage
    }
}

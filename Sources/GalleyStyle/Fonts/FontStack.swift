import Foundation
import GalleyDiagnostics
import GalleyModel

/// A font stack: one family for most text and, per script, the family that sets that script, some per language.
///
/// Written in a layout as a flat mapping: `default` names the main family (for Latin, Greek and Cyrillic, say),
/// and every other key is a script (`arabic`, `han`) or a script with a language (`han-ja`, `han-zh-Hant`,
/// `arabic-ur`) for the form that language wants. Chinese characters are the example: the same code points take
/// Japanese, Korean, Simplified or Traditional Chinese shapes, so `han-ja` names the Japanese face.
public struct FontStack: Codable, Sendable, Equatable {
    /// The family for text no script entry covers.
    public var primary: String
    /// The script entries, keyed `script` or `script-language`.
    public var scripts: [String: String]

    /// Creates a stack.
    public init(primary: String, scripts: [String: String] = [:]) {
        self.primary = primary
        self.scripts = scripts
    }

    /// The family this stack names for `script` in text of `language`, most specific entry first.
    public func family(for script: Script, language: LanguageTag) -> String? {
        let name = script.rawValue
        var keys = ["\(name)-\(language.tag)"]
        if script == .han, let variant = language.hanVariant { keys.append("\(name)-\(variant)") }
        keys += ["\(name)-\(language.primary)", name]
        for key in keys { if let family = scripts[key] { return family } }
        return nil
    }

    /// The families to try, in order, for a run of `script` (nil: characters of no one script, such as digits and
    /// punctuation) in text of `language`.
    ///
    /// A run in the language's own script, and its digits and punctuation, take the script's family first, so that
    /// Japanese punctuation comes from the Japanese face and Arabic digits from the Arabic one; a run of another
    /// script takes that script's family. The main family follows. Fonts named nowhere are still tried after
    /// these, so no character goes without a font that has it.
    public func families(for script: Script?, language: String) -> [String] {
        let tag = LanguageTag(language)
        let own = script ?? tag.script
        guard let special = family(for: own, language: tag), special != primary else { return [primary] }
        return [special, primary]
    }

    /// Every family the stack names, for checking that they are installed.
    public var allFamilies: [String] { [primary] + scripts.keys.sorted().map { scripts[$0]! } }

    /// Reads the flat mapping; `default` is required, every other key is a script entry.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        var scripts: [String: String] = [:]
        var primary: String?
        for key in container.allKeys {
            let value = try container.decode(String.self, forKey: key)
            if key.stringValue == "default" { primary = value } else { scripts[key.stringValue] = value }
        }
        guard let primary else {
            throw DecodingError.keyNotFound(AnyKey("default"), .init(codingPath: decoder.codingPath,
                                                                               debugDescription: "a font stack needs a default family"))
        }
        self.primary = primary
        self.scripts = scripts
    }

    /// Writes the flat mapping.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(primary, forKey: AnyKey("default"))
        for (key, value) in scripts { try container.encode(value, forKey: AnyKey(key)) }
    }

    /// Whether `key` is a valid script entry name: a script, optionally followed by `-` and a language tag.
    public static func isValidKey(_ key: String) -> Bool {
        let parts = key.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, Script(rawValue: first) != nil else { return false }
        guard parts.count == 2 else { return true }
        // A language of two or three letters, then subtags of two to eight letters or digits; checked by hand, since
        // compiling a regular expression costs every render's start a millisecond.
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
        let subtags = parts[1].utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard let language = subtags.first, (2...3).contains(language.count), language.allSatisfy(isLetter) else { return false }
        return subtags.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { isLetter($0) || isDigit($0) } }
    }
}

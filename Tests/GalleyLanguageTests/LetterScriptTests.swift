import Testing
@testable import GalleyLanguage

/// The letters a script profile counts, with and without the ranges it knows to be letters only.
@Suite struct LetterScriptTests {
    /// Every scalar of the Basic Multilingual Plane outside Latin gets the script the slow rule gives it: its block's
    /// script when the property tables call it alphabetic, none otherwise. The ranges taken without asking the tables
    /// must agree with them everywhere.
    @Test func theQuickRangesAgreeWithThePropertyTables() {
        var differences: [String] = []
        for value in UInt32(0x250)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let quick = LetterScript(letter: scalar)
            let slow: LetterScript?
            switch value {
            case 0x3400...0x4DBF, 0x4E00...0x9FFF: slow = .han
            case 0xAC00...0xD7A3: slow = .hangul
            default: slow = scalar.properties.isAlphabetic ? LetterScript.block(of: value) : nil
            }
            if quick != slow { differences.append(String(value, radix: 16)) }
        }
        #expect(differences.isEmpty, "\(differences.prefix(10))")
    }
}

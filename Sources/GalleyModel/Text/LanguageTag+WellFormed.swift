/// The shape every reader and layout check asks of a language tag: `en`, `pt-BR`, `zh-Hant`, `sr-Latn-RS`.
///
/// Checked by hand rather than with a regular expression: the first regular expression a process compiles costs
/// Foundation's ICU about 8 M instructions of set-up (3 % of a cold `galley render`), for a test a loop does.
extension LanguageTag {
    /// Whether `tag` is two or three ASCII letters, then any number of `-` subtags of two to eight ASCII letters or
    /// digits.
    public static func isWellFormed(_ tag: String) -> Bool {
        var subtags = tag.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false).makeIterator()
        guard let primary = subtags.next(), (2...3).contains(primary.count), primary.allSatisfy(isASCIILetter) else { return false }
        while let subtag = subtags.next() {
            guard (2...8).contains(subtag.count), subtag.allSatisfy({ isASCIILetter($0) || isASCIIDigit($0) }) else { return false }
        }
        return true
    }

    /// Whether `byte` is an ASCII letter, either case.
    public static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    /// Whether `byte` is an ASCII digit.
    public static func isASCIIDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

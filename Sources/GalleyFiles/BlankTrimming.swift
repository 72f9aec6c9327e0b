/// A line of a data file (the font pin list, a hyphenation pattern file's character-set line) without the spaces,
/// tabs and carriage returns around it.
///
/// Foundation's `trimmingCharacters(in: .whitespaces)` would do, but its first call costs a cold render 2 M
/// instructions of character-set set-up, for lines that are ASCII.
public enum BlankTrimming {
    /// `text` without the spaces, tabs and carriage returns at either end.
    public static func trimmed(_ text: some StringProtocol) -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = text.firstIndex(where: { !isBlank($0) }), let last = text.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(text[first...last])
    }
}

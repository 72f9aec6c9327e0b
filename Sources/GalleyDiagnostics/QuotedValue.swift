/// A value from the input as a message quotes it: between quotation marks, with control characters written as escapes
/// so that the message stays on one line, and cut after `limit` characters with the whole length given, so that one
/// absurd field (a 2 MB language tag) cannot make a 2 MB line of the report.
public enum QuotedValue {
    /// How many characters are shown before the cut.
    public static let limit = 60

    /// `value` quoted for a message.
    public static func quote(_ value: String) -> String {
        var shown = "\""
        var count = 0
        for character in value {
            guard count < limit else { return shown + "…\" (\(value.count) characters)" }
            count += 1
            for scalar in character.unicodeScalars {
                switch scalar.value {
                case 0x0A: shown += "\\n"
                case 0x0D: shown += "\\r"
                case 0x09: shown += "\\t"
                case 0x00...0x1F, 0x7F...0x9F: shown += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                default: shown.unicodeScalars.append(scalar)
                }
            }
        }
        return shown + "\""
    }
}

import GalleyLayout

/// The one sentence every command prints about characters the fonts lack.
enum MissingGlyphs {
    /// "3 glyphs are missing from the fonts (drawn as empty boxes): “𓀀” U+13000, …", or nil when none is.
    static func message(_ quality: QualityReport) -> String? {
        let count = quality.missingGlyphs
        guard count > 0 else { return nil }
        let shown = quality.missingCharacters.unicodeScalars.prefix(8).map { scalar in
            "“\(scalar)” U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4))"
        }
        let more = quality.missingCharacters.unicodeScalars.count > 8 ? ", …" : ""
        return "\(count) glyph\(count == 1 ? " is" : "s are") missing from the fonts (drawn as empty boxes)"
            + (shown.isEmpty ? "" : ": " + shown.joined(separator: ", ") + more)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

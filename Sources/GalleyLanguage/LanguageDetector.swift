import CLanguageDetector

/// Finds the language of a text with CLD2 (the Compact Language Detector 2) and names it with a BCP 47 tag.
public struct LanguageDetector: Sendable {
    /// Creates a detector; CLD2 keeps no state between calls, so detectors cost nothing and may be shared by threads.
    public init() {}

    /// The most likely language of `text`, or nil when CLD2 finds none (empty, very short or letterless text).
    public func detect(_ text: String) -> DetectedLanguage? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        Self.appendForDetection(text, to: &bytes)
        return detect(utf8: bytes)
    }

    /// Detects the language of bytes prepared by `appendForDetection`.
    func detect(utf8 bytes: [UInt8]) -> DetectedLanguage? {
        guard !bytes.isEmpty, bytes.count <= Int(Int32.max) else { return nil }
        var code = [CChar](repeating: 0, count: 16)
        var percent: Int32 = 0
        var reliable: Int32 = 0
        let capacity = Int32(code.count)
        let found = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                galley_detect_language(chars.baseAddress, Int32(chars.count), &code, capacity, &percent, &reliable)
            }
        }
        guard found != 0 else { return nil }
        let cld2Code = code.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        guard let tag = Self.bcp47Tag(cld2Code: cld2Code) else { return nil }
        return DetectedLanguage(tag: tag, percent: Int(percent), reliable: reliable != 0)
    }

    /// Appends `text` as UTF-8 that CLD2 accepts: CLD2 rejects a whole text that holds control characters (other than
    /// tab, line feed, form feed and carriage return) or noncharacters, so these become spaces.
    static func appendForDetection<S: StringProtocol>(_ text: S, to bytes: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x20..<0x7F, 0x09, 0x0A, 0x0C, 0x0D: bytes.append(UInt8(value))
                default: bytes.append(0x20)
                }
            } else if value <= 0x9F || (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE {
                bytes.append(0x20)
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
    }

    /// The BCP 47 tag for a CLD2 language code, or nil for CLD2's "unknown" and its made-up test languages.
    static func bcp47Tag(cld2Code code: String) -> String? {
        switch code {
        // Unknown, CLD2's pseudo-languages named after scripts ("xx-Copt") and its joke languages (Pig Latin,
        // Elmer Fudd).
        case "", "un": return nil
        case _ where code.hasPrefix("xx") || code.hasPrefix("zz"): return nil
        // ISO 639 codes withdrawn in favour of newer ones, which CLD2 still uses; its "Norwegian" is Bokmål (it
        // reports Nynorsk as "nn").
        case _ where BCP47.successors[code] != nil: return BCP47.successors[code]
        // CLD2 tells the two Chinese scripts apart; plain "zh" is its Simplified Chinese.
        case "zh": return "zh-Hans"
        case "zh-TW", "zh-Hant": return "zh-Hant"
        // Limbu, which CLD2 names with a Google-specific code.
        case "sit-NP": return "lif"
        default: return code
        }
    }
}

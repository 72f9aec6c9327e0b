import Foundation

/// A text used as a cache key, hashed and compared by its UTF-8 bytes.
///
/// `String` hashes by canonical equivalence: any text outside ASCII is normalized as it is hashed, and that was most
/// of the cost of the word and shape caches for Arabic, Hindi, Russian and Chinese text. Shaping reads the bytes, so
/// two spellings of one text are two entries here, which is also what the shaper would make of them.
struct TextKey: Hashable {
    /// The text, made contiguous UTF-8 once so that every hash and compare reads its bytes in place.
    let text: String

    init(_ text: String) {
        var contiguous = text
        contiguous.makeContiguousUTF8()
        self.text = contiguous
    }

    static func == (left: TextKey, right: TextKey) -> Bool {
        let leftUTF8 = left.text.utf8, rightUTF8 = right.text.utf8
        guard leftUTF8.count == rightUTF8.count else { return false }
        let compared: Bool?? = leftUTF8.withContiguousStorageIfAvailable { leftBytes in
            rightUTF8.withContiguousStorageIfAvailable { rightBytes in
                leftBytes.isEmpty || memcmp(leftBytes.baseAddress!, rightBytes.baseAddress!, leftBytes.count) == 0
            }
        }
        return (compared ?? nil) ?? leftUTF8.elementsEqual(rightUTF8)
    }

    func hash(into hasher: inout Hasher) {
        let utf8 = text.utf8
        if utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            for byte in utf8 { hasher.combine(byte) }
        }
        hasher.combine(utf8.count)
    }
}

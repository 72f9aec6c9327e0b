/// A file name compared and hashed without regard to case, without a lower-cased copy of the usual ASCII name.
///
/// Two output names that differ only in case are one file on macOS and Windows shares, so an export treats them as
/// clashing. Output names are nearly always ASCII (`slug_a<id>.pdf`), folded byte by byte; any other is lower-cased.
struct CaseInsensitiveName: Hashable {
    let name: String
    /// The lower-cased name, made only for names with non-ASCII characters.
    private let folded: String?

    init(_ name: String) {
        self.name = name
        folded = name.utf8.contains { $0 >= 0x80 } ? name.lowercased() : nil
    }

    static func == (lhs: CaseInsensitiveName, rhs: CaseInsensitiveName) -> Bool {
        let left = lhs.folded?.utf8 ?? lhs.name.utf8
        let right = rhs.folded?.utf8 ?? rhs.name.utf8
        return left.count == right.count && zip(left, right).allSatisfy { fold($0) == fold($1) }
    }

    func hash(into hasher: inout Hasher) {
        for byte in (folded ?? name).utf8 { hasher.combine(Self.fold(byte)) }
    }

    private static func fold(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}

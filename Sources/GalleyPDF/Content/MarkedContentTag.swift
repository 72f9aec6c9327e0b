/// The tag and marked-content id of a `BMC` or `BDC` operation, read from its operand bytes.
struct MarkedContentTag {
    /// The byte range of the tag's name, slash included.
    var nameStart: Int
    /// Just past the tag's name.
    var nameEnd: Int
    /// The `/MCID` of an inline property list, or nil (none, or properties named from the resources).
    var mcid: Int32?

    /// The tag of `operation`, or nil when its operands do not start with a name.
    init?(of operation: ContentOperation, in bytes: UnsafeBufferPointer<UInt8>) {
        var index = operation.start
        let end = operation.operatorStart
        while index < end, ContentTokenizer.isWhitespace(bytes[index]) { index += 1 }
        guard index < end, bytes[index] == UInt8(ascii: "/") else { return nil }
        nameStart = index
        index += 1
        while index < end, ContentTokenizer.isRegular(bytes[index]) { index += 1 }
        nameEnd = index
        mcid = nil
        guard operation.kind == .beginMarkedWithProperties else { return }
        // The property list is `<< … /MCID n … >>` as cairo writes it; strings in it cannot hold "/MCID" followed
        // by a number except in contrived input, which then loses nothing worse than its marking.
        let key: [UInt8] = Array("/MCID".utf8)
        while index + key.count <= end {
            if bytes[index] == key[0], bytes[index + 1] == key[1], bytes[index + 2] == key[2], bytes[index + 3] == key[3],
               bytes[index + 4] == key[4], index + 5 < end, !ContentTokenizer.isRegular(bytes[index + 5]) {
                index += 5
                while index < end, ContentTokenizer.isWhitespace(bytes[index]) { index += 1 }
                var value: Int64 = 0
                var digits = 0
                while index < end, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9"), digits < 10 {
                    value = value * 10 + Int64(bytes[index] - UInt8(ascii: "0"))
                    digits += 1
                    index += 1
                }
                if digits > 0, value <= Int64(Int32.max) { mcid = Int32(value) }
                return
            }
            index += 1
        }
    }

    /// Whether the tag is `/Artifact`.
    func isArtifact(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let name: StaticString = "/Artifact"
        guard nameEnd - nameStart == name.utf8CodeUnitCount else { return false }
        return name.withUTF8Buffer { expected in
            (0..<expected.count).allSatisfy { bytes[nameStart + $0] == expected[$0] }
        }
    }
}

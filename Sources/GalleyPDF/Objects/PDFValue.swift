/// A PDF object as `NativePDF` holds it: scalars by value, arrays and dictionaries in boxes so that a handle to
/// one changes it where it sits (as qpdf's handles do).
enum PDFValue {
    /// `null`, also what a missing key reads as.
    case null
    /// `true` or `false`.
    case boolean(Bool)
    /// An integer.
    case integer(Int)
    /// A real number, kept as written.
    case real(String)
    /// A name, slash included, one character per byte (ISO 8859-1) so that any bytes survive.
    case name(String)
    /// A string's bytes.
    case string([UInt8])
    /// An array.
    case array(PDFArrayBox)
    /// A dictionary (of a stream, too: the stream itself is an indirect object's body).
    case dictionary(PDFDictionaryBox)
    /// A reference to the indirect object `number` (generation 0: cairo writes no other).
    case reference(Int)
}

/// The items of an array.
final class PDFArrayBox {
    var items: [PDFValue]

    init(_ items: [PDFValue]) { self.items = items }
}

/// The entries of a dictionary, in the order they were read or set.
final class PDFDictionaryBox {
    var entries: [(key: String, value: PDFValue)]

    init(_ entries: [(key: String, value: PDFValue)] = []) { self.entries = entries }

    /// The value of `key`, or nil.
    subscript(key: String) -> PDFValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }
}

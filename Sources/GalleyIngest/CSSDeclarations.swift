import Foundation

/// Reads single properties out of an HTML `style` attribute (`text-align: center; color: red`).
enum CSSDeclarations {
    /// The keyword the last declaration of `property` in `style` sets (`center` of `text-align: center !important`),
    /// or nil when it sets none.
    ///
    /// Property names are compared as written; callers lower-case the attribute first, since CSS names are
    /// case-insensitive.
    static func value(of property: String, in style: String) -> String? {
        var found: String?
        for declaration in style.split(separator: ";") {
            guard let colon = declaration.firstIndex(of: ":") else { continue }
            let name = declaration[..<colon].trimmingCharacters(in: .whitespacesAndNewlines)
            guard name == property else { continue }
            let value = declaration[declaration.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            let keyword = value.prefix { $0.isASCII && ($0.isLetter || $0 == "-") }
            found = keyword.isEmpty ? nil : String(keyword)
        }
        return found
    }
}

/// Turns `DecodingError`s into located diagnostics with messages a user can act on.
public enum DecodingErrorDiagnostic {
    /// Describes `error` found while decoding `file`, using `locator` for the line.
    public static func make(_ error: DecodingError, file: String, locator: any SourceLocator) -> Diagnostic {
        switch error {
        case .keyNotFound(let key, let context):
            return Diagnostic(file: file, line: locator.line(of: context.codingPath),
                              path: CodingPath.format(context.codingPath + [key]),
                              message: "missing required field \(QuotedValue.quote(key.stringValue))")
        case .typeMismatch(let type, let context):
            return Diagnostic(file: file, line: locator.line(of: context.codingPath),
                              path: CodingPath.format(context.codingPath),
                              message: "expected \(describe(type))")
        case .valueNotFound(let type, let context):
            return Diagnostic(file: file, line: locator.line(of: context.codingPath),
                              path: CodingPath.format(context.codingPath),
                              message: "expected \(describe(type)), found null")
        case .dataCorrupted(let context):
            return Diagnostic(file: file, line: locator.line(of: context.codingPath),
                              path: CodingPath.format(context.codingPath),
                              message: context.debugDescription)
        @unknown default:
            return Diagnostic(file: file, message: "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        let name = String(describing: type)
        switch name {
        case "String": return "a string"
        case "Int", "Double", "Float": return "a number"
        case "Bool": return "true or false"
        case _ where name.hasPrefix("Array") || name.hasPrefix("["): return "a list"
        case _ where name.hasPrefix("Dictionary"): return "an object"
        default: return "a \(name)"
        }
    }
}

import Yams

/// Describes a YAML syntax error from Yams with the file and the line it names.
public enum YAMLSyntaxDiagnostic {
    /// The located diagnostic for `error` in `file`, its message starting with `what`.
    public static func make(_ error: YamlError, file: String, what: String = "YAML syntax") -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text))" } ?? ""
            return Diagnostic(file: file, line: mark.line, message: "\(what): \(problem)\(detail)")
        default:
            return Diagnostic(file: file, message: "\(what): \(error)")
        }
    }
}

import Yams

/// Describes a YAML syntax error from Yams with the file and the line it names.
public enum YAMLSyntaxDiagnostic {
    /// The located diagnostic for `error` in `file`, its message starting with `what`.
    ///
    /// The line is where libyaml found the problem; when what it was reading began on an earlier line (an unclosed
    /// quote or bracket is noticed only where the text runs out), the message names that line too, since the fault
    /// is usually there.
    public static func make(_ error: YamlError, file: String, what: String = "YAML syntax") -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var detail = ""
            if let context {
                detail = context.mark.line < mark.line ? " (\(context.text) that starts at line \(context.mark.line))" : " (\(context.text))"
            }
            return Diagnostic(file: file, line: mark.line, message: "\(what): \(problem)\(detail)")
        default:
            return Diagnostic(file: file, message: "\(what): \(error)")
        }
    }
}

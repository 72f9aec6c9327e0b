/// The words Galley prints around an article, in one language.
///
/// Templates name their values in braces (`by {authors}`), because word order differs between languages
/// ("by Yuki Tanaka", "田中由紀 著"). Built-in labels exist for the languages in `BuiltInLabels`; a layout
/// overrides any of them with `LabelOverrides`.
public struct Labels: Codable, Sendable, Equatable {
    /// The byline, such as "by {authors}".
    public var byline: String
    /// The translation credit without a source language, such as "Translated by {translator}".
    public var translated: String
    /// The translation credit with its source, such as "Translated by {translator} from {source}".
    public var translatedFrom: String
    /// The heading over related articles.
    public var related: String
    /// The heading of an issue's table of contents.
    public var contents: String
    /// The heading over endnotes.
    public var notes: String
    /// The folio template, such as "Page {page} / {pages}".
    public var folio: String
    /// Between names in a list except the last two, such as ", ".
    public var listSeparator: String
    /// Between the last two names of a list, such as " and ".
    public var listLastSeparator: String
    /// The file-size units from bytes to gibibytes, such as ["B", "KiB", "MiB", "GiB"].
    public var sizeUnits: [String]
    /// The decimal separator of numbers such as sizes ("." or ",").
    public var decimalSeparator: String

    /// Creates labels.
    public init(byline: String, translated: String, translatedFrom: String, related: String, contents: String, notes: String,
                folio: String, listSeparator: String, listLastSeparator: String, sizeUnits: [String], decimalSeparator: String) {
        self.byline = byline
        self.translated = translated
        self.translatedFrom = translatedFrom
        self.related = related
        self.contents = contents
        self.notes = notes
        self.folio = folio
        self.listSeparator = listSeparator
        self.listLastSeparator = listLastSeparator
        self.sizeUnits = sizeUnits
        self.decimalSeparator = decimalSeparator
    }

    /// `names` joined as this language writes a list ("A, B and C").
    public func list(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: listSeparator) + listLastSeparator + names[names.count - 1]
    }

    /// `template` with each `{name}` replaced by its value; unknown names are left as they are.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            result += values[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}

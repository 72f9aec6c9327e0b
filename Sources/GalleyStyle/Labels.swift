/// The words a layout prints around an article, in one language.
public struct Labels: Codable, Sendable, Equatable {
    /// Before the authors ("by").
    public var by: String
    /// Before the translator ("Translated by").
    public var translatedBy: String
    /// Between the translator and the source ("from").
    public var from: String
    /// The heading over related articles.
    public var related: String
    /// The heading of an issue's table of contents.
    public var contents: String
    /// The heading over endnotes.
    public var notes: String
    /// The folio template, such as "Page {page} / {pages}".
    public var folio: String
}

/// A layout's changes to the built-in labels of one language: any field may be given, the rest stay.
public struct LabelOverrides: Codable, Sendable, Equatable {
    /// Replaces `Labels.byline`.
    public var byline: String?
    /// Replaces `Labels.translated`.
    public var translated: String?
    /// Replaces `Labels.translatedFrom`.
    public var translatedFrom: String?
    /// Replaces `Labels.related`.
    public var related: String?
    /// Replaces `Labels.contents`.
    public var contents: String?
    /// Replaces `Labels.notes`.
    public var notes: String?
    /// Replaces `Labels.folio`.
    public var folio: String?
    /// Replaces `Labels.listSeparator`.
    public var listSeparator: String?
    /// Replaces `Labels.listLastSeparator`.
    public var listLastSeparator: String?
    /// Replaces `Labels.sizeUnits`.
    public var sizeUnits: [String]?
    /// Replaces `Labels.decimalSeparator`.
    public var decimalSeparator: String?

    /// `labels` with the fields given here replaced.
    public func applied(to labels: Labels) -> Labels {
        var result = labels
        if let byline { result.byline = byline }
        if let translated { result.translated = translated }
        if let translatedFrom { result.translatedFrom = translatedFrom }
        if let related { result.related = related }
        if let contents { result.contents = contents }
        if let notes { result.notes = notes }
        if let folio { result.folio = folio }
        if let listSeparator { result.listSeparator = listSeparator }
        if let listLastSeparator { result.listLastSeparator = listLastSeparator }
        if let sizeUnits { result.sizeUnits = sizeUnits }
        if let decimalSeparator { result.decimalSeparator = decimalSeparator }
        return result
    }
}

extension LabelOverrides {
    /// These overrides laid over `base`: a field set here wins, the others keep `base`'s.
    public func merged(over base: LabelOverrides) -> LabelOverrides {
        LabelOverrides(byline: byline ?? base.byline, translated: translated ?? base.translated,
                       translatedFrom: translatedFrom ?? base.translatedFrom, related: related ?? base.related,
                       contents: contents ?? base.contents, notes: notes ?? base.notes, folio: folio ?? base.folio,
                       listSeparator: listSeparator ?? base.listSeparator, listLastSeparator: listLastSeparator ?? base.listLastSeparator,
                       sizeUnits: sizeUnits ?? base.sizeUnits, decimalSeparator: decimalSeparator ?? base.decimalSeparator)
    }
}

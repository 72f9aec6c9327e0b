import Foundation

/// A publisher's `galley.yaml`: its identity, default layout, changes to the printed words, and CMS access.
///
/// Paths in the file are relative to the file; once loaded they are absolute, so the config means the same whatever
/// the working directory.
public struct GalleyConfig: Codable, Sendable, Equatable {
    /// The file this was read from.
    public var file: String
    /// The name, site, colophon and logo running lines show.
    public var identity: PublisherIdentity
    /// The default layout: a name in Galley's `Layouts/`, or an absolute path; nil for Galley's default.
    public var layout: String?
    /// Changes to the printed words by language tag, laid over the layout's own.
    public var labels: [String: LabelOverrides]
    /// Where serve and publish find the publisher's CMS.
    public var cms: CMSSettings

    /// Creates a config.
    public init(file: String, identity: PublisherIdentity = PublisherIdentity(), layout: String? = nil,
                labels: [String: LabelOverrides] = [:], cms: CMSSettings = CMSSettings()) {
        self.file = file
        self.identity = identity
        self.layout = layout
        self.labels = labels
        self.cms = cms
    }

    /// `sheet` carrying this publisher's identity, with this file's labels laid over the layout's field by field.
    public func applied(to sheet: StyleSheet) -> StyleSheet {
        var result = sheet
        result.identity = identity
        for (language, overrides) in labels {
            result.labels[language] = overrides.merged(over: result.labels[language] ?? LabelOverrides())
        }
        return result
    }
}

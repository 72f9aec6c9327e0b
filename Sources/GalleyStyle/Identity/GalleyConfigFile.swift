/// `galley.yaml` exactly as written, before paths are resolved and values checked.
struct GalleyConfigFile: Decodable {
    var publication: String?
    var site: String?
    var logo: String?
    var colophon: String?
    var layout: String?
    var labels: [String: LabelOverrides]?
    var cms: CMSSettings?

    /// The keys the file may use, nested as in the file; `labels` maps language tags (any) to label names.
    static var keys: [String: Any] { [
        "publication": true, "site": true, "logo": true, "colophon": true, "layout": true,
        "labels": true,
        "cms": ["wordpress": ["site": true, "user": true, "password-env": true, "password-file": true]],
    ] }
}

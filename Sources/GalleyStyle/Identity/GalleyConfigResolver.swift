import Foundation
import GalleyDiagnostics

/// Turns `galley.yaml` as written into a `GalleyConfig`: paths made absolute from the file's folder, values checked.
struct GalleyConfigResolver {
    let file: String
    let locator: YAMLLocator

    private var folder: URL { URL(fileURLWithPath: file).deletingLastPathComponent() }

    private func fail(_ path: String, _ message: String) -> Diagnostic {
        Diagnostic(file: file, line: locator.line(of: path.split(separator: ".").map { AnyKey(String($0)) }), path: path, message: message)
    }

    func resolve(_ raw: GalleyConfigFile) throws -> GalleyConfig {
        var identity = PublisherIdentity(publication: raw.publication, site: raw.site, colophon: raw.colophon)
        for (key, value) in [("publication", raw.publication), ("colophon", raw.colophon)] {
            if let value, value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw fail(key, "is empty; leave the key out instead")
            }
        }
        if let site = raw.site { try checkURL(site, path: "site") }
        if let logo = raw.logo { identity.logo = try logoPath(logo) }
        let labels = raw.labels ?? [:]
        try StyleSheetValidator(file: file, locator: locator).validateLabels(labels)
        var cms = raw.cms ?? CMSSettings()
        if var wordpress = cms.wordpress {
            try checkURL(wordpress.site, path: "cms.wordpress.site")
            if let variable = wordpress.passwordEnv, variable.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) == nil {
                throw fail("cms.wordpress.password-env", "\(QuotedValue.quote(variable)) is not an environment variable name (letters, digits and _)")
            }
            if wordpress.passwordEnv != nil, wordpress.passwordFile != nil {
                throw fail("cms.wordpress.password-env", "give password-env or password-file, not both")
            }
            if (wordpress.passwordEnv != nil || wordpress.passwordFile != nil) && wordpress.user == nil {
                throw fail("cms.wordpress", "a password needs the user it belongs to (user: …)")
            }
            wordpress.passwordFile = wordpress.passwordFile.map { absolute($0) }
            cms.wordpress = wordpress
        }
        return GalleyConfig(file: file, identity: identity, layout: try raw.layout.map(layoutReference), labels: labels, cms: cms)
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : folder.appendingPathComponent(path).standardizedFileURL.path
    }

    private func checkURL(_ text: String, path: String) throws {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
            throw fail(path, "\(QuotedValue.quote(text)) is not an http:// or https:// address")
        }
    }

    /// The logo's absolute path, refused unless it is a PNG or SVG file that exists.
    private func logoPath(_ path: String) throws -> String {
        let resolved = absolute(path)
        let kind = URL(fileURLWithPath: resolved).pathExtension.lowercased()
        guard ["png", "svg"].contains(kind) else { throw fail("logo", "\(QuotedValue.quote(path)) is not a .png or .svg file (the logo is drawn from PNG or SVG)") }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder), !isFolder.boolValue else {
            throw fail("logo", "no file \(resolved) (paths are relative to galley.yaml)")
        }
        return resolved
    }

    /// A layout name stays a name (looked up in Galley's `Layouts/`); a path becomes absolute and must exist.
    private func layoutReference(_ value: String) throws -> String {
        guard value.contains("/") || value.hasSuffix(".yaml") || value.hasSuffix(".yml") else {
            guard !value.isEmpty else { throw fail("layout", "is empty; leave the key out for Galley's default") }
            return value
        }
        let resolved = absolute(value)
        guard FileManager.default.fileExists(atPath: resolved) else {
            throw fail("layout", "no layout file \(resolved) (paths are relative to galley.yaml)")
        }
        return resolved
    }
}

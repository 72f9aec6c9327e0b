import ArgumentParser
import Foundation
import GalleyStyle
import GalleyWordPress

/// The WordPress site, user and application password a command uses: its options, else galley.yaml's `cms.wordpress`.
struct WordPressCredentials {
    /// The site's address.
    var site: String
    /// The user, if any.
    var user: String?
    /// The application password, if any.
    var password: String?

    /// Each command-line option wins over the file; the file's user and password are used only for the file's own
    /// site, so that `--wordpress` naming another site never sends it the publisher's password.
    static func resolve(site: String?, user: String?, passwordFile: String?, config: GalleyConfig?) throws -> WordPressCredentials? {
        let access = config?.cms.wordpress
        guard let chosen = site ?? access?.site else { return nil }
        let fromFile = access.flatMap { $0.site == chosen ? $0 : nil }
        let password: String?
        do {
            if let file = passwordFile ?? fromFile?.passwordFile {
                password = try WordPressSite.password(file: file)
            } else if let variable = fromFile?.passwordEnv {
                let value = ProcessInfo.processInfo.environment[variable]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                guard !value.isEmpty else {
                    throw ValidationError("\(config!.file): cms.wordpress.password-env: the environment variable \(variable) is not set")
                }
                password = value
            } else {
                password = nil
            }
        } catch let error as WordPressError {
            throw ValidationError("\(error)")
        }
        return WordPressCredentials(site: chosen, user: user ?? fromFile?.user, password: password)
    }
}

/// How `galley serve` and `galley publish` reach a WordPress site, from `galley.yaml`'s `cms.wordpress`.
///
/// The password itself is never in the file (it would end up in version control): the file names the environment
/// variable or the file that holds it.
public struct WordPressAccess: Codable, Sendable, Equatable {
    /// The site's address, as `--wordpress` takes it.
    public var site: String
    /// The user the application password belongs to, as `--user`.
    public var user: String?
    /// The environment variable holding the application password.
    public var passwordEnv: String?
    /// The file holding the application password (absolute), as `--app-password-file`.
    public var passwordFile: String?

    private enum CodingKeys: String, CodingKey {
        case site, user
        case passwordEnv = "password-env"
        case passwordFile = "password-file"
    }

    /// Creates access settings.
    public init(site: String, user: String? = nil, passwordEnv: String? = nil, passwordFile: String? = nil) {
        self.site = site
        self.user = user
        self.passwordEnv = passwordEnv
        self.passwordFile = passwordFile
    }
}

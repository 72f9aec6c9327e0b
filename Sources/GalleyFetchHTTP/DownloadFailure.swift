/// Why a download failed, and whether the failure is the network's (a cached copy may then stand in) or the
/// server's final word (a 404: the image is gone).
struct DownloadFailure: Error, Sendable {
    /// The reason, as a clause.
    var reason: String
    /// True for timeouts, refused connections and server errors (5xx), when an older cached copy is still drawn.
    var transient: Bool
}

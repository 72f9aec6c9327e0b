/// What became of one remote figure image: a local file to draw, or why there is none.
///
/// Codable, because `galley` asks `galley-net` for downloads and reads the answers back (`HelperDownloader`).
public enum FetchedImage: Sendable, Equatable, Codable {
    /// The image is in the local file at `path` (the cache, or a remapped mirror); `digest` is the SHA-256 of its
    /// bytes, for content hashes; `notes` are things worth a warning even though it is drawn.
    case file(path: String, digest: String, notes: [String])
    /// The image could not be had, and why, as a clause ("the server answered 404 Not Found").
    case failed(String)
}

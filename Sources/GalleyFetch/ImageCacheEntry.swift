import Foundation

/// What the image cache remembers about one address: where its bytes are and how to ask the server whether they
/// changed.
public struct ImageCacheEntry: Codable, Sendable, Equatable {
    /// The address the image was fetched from (checked on reading, so a damaged or foreign file is never trusted).
    public var url: String
    /// SHA-256 of the bytes, lower-case hex: also the name of the file holding them.
    public var digest: String
    /// What the bytes are.
    public var kind: ImageKind
    /// Their size.
    public var bytes: Int
    /// The server's `ETag`, sent back as `If-None-Match`.
    public var etag: String?
    /// The server's `Last-Modified`, sent back as `If-Modified-Since`.
    public var lastModified: String?
    /// When the server last confirmed these bytes (a 200 or a 304).
    public var checked: Date
}

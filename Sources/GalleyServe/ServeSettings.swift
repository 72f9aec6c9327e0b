import Foundation

/// How `galley serve` listens, what it allows and where it keeps what it made.
public struct ServeSettings: Sendable {
    /// The address to listen on (`127.0.0.1`: only this machine; `0.0.0.0`: every interface).
    public var host = "127.0.0.1"
    /// The port; 0 lets the system choose (the service prints the one it got).
    public var port = 8080
    /// The largest request body accepted, in bytes.
    public var bodyBytes = 4 << 20
    /// The bytes all request bodies being read may hold together; past it, new bodies are answered 503.
    public var bodyBudgetBytes = 256 << 20
    /// How long a client may take to send its request body, in seconds: a slow client is cut off, not waited for.
    public var bodySeconds = 30
    /// How long a connection may stay idle, in seconds.
    public var idleSeconds = 60
    /// How many connections are accepted at once; more wait in the listen backlog.
    public var maxConnections = 1024
    /// The bearer token every route but `/healthz` and `/metrics` requires; nil opens them to anyone who can connect.
    public var token: String?
    /// Where PDFs and page images are kept by content hash.
    public var cacheDirectory: URL
    /// How long a post fetched from the site is trusted before the site is asked again, in seconds (a webhook call
    /// for the post forgets it at once).
    public var postFreshSeconds = 60
    /// How many bytes of recent PDFs and images are kept in memory for repeated requests.
    public var memoryCacheBytes = 64 << 20
    /// The page-image width when a request names none, in pixels.
    public var defaultImageWidth = 600

    /// Settings keeping their cache in `cacheDirectory`, with every other value its default.
    public init(cacheDirectory: URL) {
        self.cacheDirectory = cacheDirectory
    }
}

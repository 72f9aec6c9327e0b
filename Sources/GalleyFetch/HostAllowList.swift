import Foundation

/// The hosts images may be fetched from: exact names, `*.domain` for a domain and its subdomains, or `*` for any.
///
/// Names are compared without case and without a trailing dot; ports do not matter, since a site's images are often
/// served from the same host on another port or scheme.
public struct HostAllowList: Sendable, Equatable {
    /// The patterns, lower-cased.
    public let patterns: [String]

    /// A list allowing `patterns` (empty strings are ignored).
    public init(_ patterns: [String]) {
        self.patterns = patterns.map(Self.normalized).filter { !$0.isEmpty }
    }

    /// Whether `host` may be asked for images.
    public func allows(_ host: String) -> Bool {
        let host = Self.normalized(host)
        guard !host.isEmpty else { return false }
        return patterns.contains { pattern in
            if pattern == "*" { return true }
            if pattern.hasPrefix("*.") {
                let domain = pattern.dropFirst(2)
                return host == domain || host.hasSuffix("." + domain)
            }
            return host == pattern
        }
    }

    /// The list as words for a message: "example.org, cdn.example.org", or "none".
    public var summary: String {
        patterns.isEmpty ? "none" : patterns.joined(separator: ", ")
    }

    private static func normalized(_ host: String) -> String {
        var host = host.trimmingCharacters(in: .whitespaces).lowercased()
        if host.hasSuffix(".") { host.removeLast() }
        // An IPv6 literal as URL gives it ([::1]) and as Foundation's host gives it (::1) are one host.
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return host
    }
}

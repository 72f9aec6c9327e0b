import Crypto
import Foundation

/// The SHA-256 of a file, read in chunks so that large files (a 26 MB font collection, a photograph) never sit in
/// memory whole.
public enum FileDigest {
    /// The file's SHA-256 in lower-case hex, or nil when it cannot be read.
    public static func sha256(ofFile path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        do {
            // `read(upToCount:)` answers nil or an empty chunk at the end of the file.
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(data: chunk)
            }
        } catch {
            return nil
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

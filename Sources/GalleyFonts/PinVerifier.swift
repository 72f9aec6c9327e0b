import Foundation

/// Checks pinned font files against their SHA-256.
///
/// Hashing the four Noto CJK files takes about a quarter of a second; `FileDigest` remembers the digest of a file
/// whose size, time and inode have not changed, so a render pays that once per machine.
struct PinVerifier {
    /// The pin list being checked, named in messages.
    let listFile: String

    func verify(_ pins: [PinnedFont]) throws {
        let digests = FileDigest.rememberedSHA256(ofFiles: pins.map(\.path))
        for pin in pins {
            guard FileManager.default.fileExists(atPath: pin.path) else {
                throw FontError(file: listFile, line: pin.line,
                                message: "\(pin.path) is not installed: install the Debian package \(pin.package) (apt-get install \(pin.package))")
            }
            guard let digest = digests[pin.path] else {
                throw FontError(file: listFile, line: pin.line, message: "\(pin.path) cannot be read (from the Debian package \(pin.package))")
            }
            guard digest == pin.sha256 else {
                throw FontError(file: listFile, line: pin.line, message: """
                    \(pin.path) is not the file Galley was made with (SHA-256 \(digest), expected \(pin.sha256)): \
                    another version of the Debian package \(pin.package) is installed; install Debian 12's version or update the pin
                    """)
            }
        }
    }
}

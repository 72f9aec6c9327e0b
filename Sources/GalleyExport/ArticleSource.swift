import Foundation
import GalleyDiagnostics
import GalleyIngest
import GalleyModel

/// Reads an article from a file (or standard input, `-`), choosing the reader by extension.
public enum ArticleSource {
    /// Reads and parses the article at `path`; errors are `Diagnostic`s naming the file.
    public static func read(_ path: String) throws -> Article {
        let data: Data
        let displayName = path == "-" ? "<stdin>" : path
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw Diagnostic(file: displayName, message: "no such file")
            }
            guard !isDirectory.boolValue else { throw Diagnostic(file: displayName, message: "is a folder, not an article file") }
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw Diagnostic(file: displayName, message: "cannot be read (permission denied?)")
            }
            data = contents
        }
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "json", "":
            return try JSONArticleReader().read(data, file: displayName)
        default:
            throw Diagnostic(file: displayName, message: "unknown article format \".\(ext)\" (expected .json)")
        }
    }
}

import Foundation
import GalleyDiagnostics

/// The article files an export reads: files named on the command line (whatever their extension),
/// every file with a known extension under named folders (recursively, hidden entries skipped), or `-`.
public struct ArticleInputs: Sendable {
    /// One file to read.
    public struct File: Sendable, Equatable {
        /// The path as the user will see it in messages and the manifest (`-` for standard input).
        public var path: String
        /// Whether the user named the file itself, rather than a folder holding it.
        public var named: Bool
    }

    /// The files in the order they will be read: arguments in order, each folder's files sorted by path.
    public var files: [File] = []
    /// Arguments that named nothing readable.
    public var problems: [Diagnostic] = []

    /// Expands `arguments`; folder walks take only files whose extension `format` (or, without one, any
    /// known format) reads, never return `excludedFiles`, and never enter `excludedFolders` (the export's
    /// own output) unless asked to walk one itself, when they skip its `manifest*` files.
    public init(_ arguments: [String], format: String? = nil, excludedFolders: [URL] = [], excludedFiles: [URL] = []) {
        let skipFolders = Set(excludedFolders.map(Self.key))
        let skipFiles = Set(excludedFiles.map(Self.key))
        var seen = Set<String>()
        func add(_ path: String, named: Bool) {
            let key = path == "-" ? "-" : Self.key(URL(fileURLWithPath: path))
            guard seen.insert(key).inserted else { return }
            files.append(File(path: path, named: named))
        }
        for argument in arguments {
            if argument == "-" {
                add("-", named: true)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                problems.append(Diagnostic(file: argument, message: "no such file or folder"))
                continue
            }
            guard isDirectory.boolValue else {
                add(argument, named: true)
                continue
            }
            for path in Self.walk(argument, format: format, skipFolders: skipFolders, skipFiles: skipFiles) {
                add(path, named: false)
            }
        }
    }

    /// The files under `folder` that a reader takes, as `folder/relative/path`, sorted.
    private static func walk(_ folder: String, format: String?, skipFolders: Set<String>, skipFiles: Set<String>) -> [String] {
        let base = URL(fileURLWithPath: folder)
        // No resource keys, and one `lstat` per entry: Foundation's resource values look up every file's owner and
        // group (reading /etc/passwd and /etc/group each time), and resolving each path's links stats every folder
        // above it; over 100,000 files that was most of an export's system time.
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [], options: [.skipsHiddenFiles]) else {
            return []
        }
        let basePath = base.standardizedFileURL.path
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let skipNames = Set(skipFiles.map { ($0 as NSString).lastPathComponent })
        var found: [String] = []
        for case let url as URL in enumerator {
            var info = stat()
            guard lstat(url.path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                if skipFolders.contains(key(url)) { enumerator.skipDescendants() }
                continue
            }
            // Only regular files: a link, pipe or device among the articles is not followed.
            guard info.st_mode & S_IFMT == S_IFREG else { continue }
            let name = url.lastPathComponent
            if skipNames.contains(name), skipFiles.contains(key(url)) { continue }
            // Exporting a folder into itself: its manifests (one per shard, maybe) are not articles.
            if name.hasPrefix("manifest"), skipFolders.contains(key(url.deletingLastPathComponent())) { continue }
            let ext = url.pathExtension.lowercased()
            // With --from, that format's extensions (WordPress posts are .json, which alone would mean Galley's JSON).
            if let format, let extensions = ArticleSource.formats[format] {
                guard extensions.contains(ext) else { continue }
            } else {
                guard ArticleSource.formatName(forExtension: ext) != nil else { continue }
            }
            let full = url.standardizedFileURL.path
            let relative = full.hasPrefix(basePath + "/") ? String(full.dropFirst(basePath.count + 1)) : url.lastPathComponent
            found.append(prefix + relative)
        }
        return found.sorted()
    }

    /// A path to compare files by: absolute, standardized, symbolic links resolved.
    static func key(_ url: URL) -> String {
        url.standardizedFileURL.resolvingSymlinksInPath().path
    }
}

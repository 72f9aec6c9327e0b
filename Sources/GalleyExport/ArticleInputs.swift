import Foundation
import GalleyDiagnostics

/// The article files an export reads: files named on the command line (whatever their extension),
/// every file with a known extension under named folders (recursively, hidden entries skipped), or `-`.
public struct ArticleInputs: Sendable {
    /// One file to read.
    public struct File: Sendable, Equatable, Codable {
        /// The path as the user will see it in messages and the manifest (`-` for standard input).
        public var path: String
        /// Whether the user named the file itself, rather than a folder holding it.
        public var named: Bool
    }

    /// The files in the order they will be read: arguments in order, each folder's files sorted by path.
    public var files: [File] = []
    /// Arguments that named nothing readable.
    public var problems: [Diagnostic] = []

    /// Expands `arguments` into `files`; folder walks take only files whose extension `format` (or, without one, any
    /// known format) reads, never return `excludedFiles`, and never enter `excludedFolders` (the export's
    /// own output) unless asked to walk one itself, when they skip its `manifest*` files.
    public init(_ arguments: [String], format: String? = nil, excludedFolders: [URL] = [], excludedFiles: [URL] = []) {
        var found: [File] = []
        problems = (try? Self.forEach(arguments, format: format, excludedFolders: excludedFolders, excludedFiles: excludedFiles) {
            found.append($0)
        }) ?? []
        files = found
    }

    /// Calls `body` with each file `init` would list, in the same order, without holding the list (an archive of
    /// 100,000 files costs one folder's names at a time), and returns the arguments that named nothing readable; rethrows what `body` throws.
    public static func forEach(_ arguments: [String], format: String? = nil, excludedFolders: [URL] = [], excludedFiles: [URL] = [],
                               _ body: (File) throws -> Void) throws -> [Diagnostic] {
        let skipFolders = Set(excludedFolders.map(Self.key))
        let skipFiles = Set(excludedFiles.map(Self.key))
        var problems: [Diagnostic] = []
        // A file named twice (or named and found in a folder) is read once. Only several arguments can name a file
        // twice, so only then are files remembered, by device and inode (16 bytes, where a resolved path cost about
        // 150 bytes and a symbolic-link resolution per file); one folder's walk never meets a file twice.
        let remember = arguments.count > 1
        var seen = Set<FileIdentity>()
        var standardInput = false
        func add(_ path: String, named: Bool) throws {
            if path == "-" {
                guard !standardInput else { return }
                standardInput = true
            } else if remember {
                // One that cannot be looked at is kept, for reading it to report why.
                var info = stat()
                if stat(path, &info) == 0 {
                    guard seen.insert(FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else { return }
                }
            }
            try body(File(path: path, named: named))
        }
        for argument in arguments {
            if argument == "-" {
                try add("-", named: true)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                problems.append(Diagnostic(file: argument, message: "no such file or folder"))
                continue
            }
            guard isDirectory.boolValue else {
                try add(argument, named: true)
                continue
            }
            try walk(argument, format: format, skipFolders: skipFolders, skipFiles: skipFiles) { try add($0, named: false) }
        }
        return problems
    }

    /// Calls `body` with the files under `folder` that a reader takes, as `folder/relative/path`, sorted by that path.
    ///
    /// One folder is listed at a time and its entries sorted, a folder's name as `name/`: that visits the files in
    /// the order of sorting all their paths, without ever holding them all.
    private static func walk(_ folder: String, format: String?, skipFolders: Set<String>, skipFiles: Set<String>,
                             _ body: (String) throws -> Void) throws {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let skipNames = Set(skipFiles.map { ($0 as NSString).lastPathComponent })
        // Exporting a folder into itself: its manifests (one per shard, maybe) are not articles.
        let intoItself = skipFolders.contains(key(URL(fileURLWithPath: folder)))
        func visit(_ relative: String) throws {
            let directory = prefix + relative
            // No resource keys, and one `lstat` per entry: Foundation's resource values look up every file's owner and
            // group (reading /etc/passwd and /etc/group each time), and resolving each path's links stats every folder
            // above it; over 100,000 files that was most of an export's system time.
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
            var entries: [(name: String, folder: Bool)] = []
            for name in names where !name.hasPrefix(".") {
                var info = stat()
                guard lstat(directory + name, &info) == 0 else { continue }
                // Only regular files and real folders: a link, pipe or device among the articles is not followed.
                switch info.st_mode & S_IFMT {
                case S_IFDIR: entries.append((name, true))
                case S_IFREG: entries.append((name, false))
                default: continue
                }
            }
            entries.sort { ($0.folder ? $0.name + "/" : $0.name) < ($1.folder ? $1.name + "/" : $1.name) }
            for entry in entries {
                let path = directory + entry.name
                if entry.folder {
                    if !skipFolders.contains(key(URL(fileURLWithPath: path))) { try visit(relative + entry.name + "/") }
                    continue
                }
                if skipNames.contains(entry.name), skipFiles.contains(key(URL(fileURLWithPath: path))) { continue }
                if relative.isEmpty, intoItself, entry.name.hasPrefix("manifest") { continue }
                let ext = (entry.name as NSString).pathExtension.lowercased()
                // With --from, that format's extensions (WordPress posts are .json, which alone would mean Galley's JSON).
                if let format, let extensions = ArticleSource.formats[format] {
                    guard extensions.contains(ext) else { continue }
                } else {
                    guard ArticleSource.formatName(forExtension: ext) != nil else { continue }
                }
                try body(path)
            }
        }
        try visit("")
    }

    /// One file whatever the path it is reached by.
    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// A path to compare files by: absolute, standardized, symbolic links resolved.
    static func key(_ url: URL) -> String {
        url.standardizedFileURL.resolvingSymlinksInPath().path
    }
}

import Foundation
import GalleyDiagnostics
import GalleyFiles
import Yams

/// Finds and reads `galley.yaml`, refusing unknown keys and bad values with the file, line and key.
public struct GalleyConfigLoader: Sendable {
    /// The file name looked for.
    public static let fileName = "galley.yaml"
    /// Files larger than this are not configs; reading stops there.
    static let byteLimit = 1 << 20

    /// The limits the file is held to (its nesting depth).
    public var limits: Limits

    /// Creates a loader holding files to `limits`.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// The nearest `galley.yaml` in `folder` or a folder above it, as git finds `.git`; nil when there is none.
    public static func find(from folder: URL) -> URL? {
        var current = folder.standardizedFileURL
        while true {
            let candidate = current.appendingPathComponent(fileName)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue { return candidate }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    /// Every key the file may use, as dotted paths (`cms.wordpress.site`; `labels.*.byline` for any language), for
    /// the test that keeps the schema and the documentation in step.
    public static var keyPaths: [String] {
        func paths(_ tree: [String: Any], prefix: String) -> [String] {
            tree.keys.sorted().flatMap { key -> [String] in
                let path = prefix + key
                if key == "labels", prefix.isEmpty {
                    return [path] + Mirror(reflecting: BuiltInLabels.all["en"]!).children.compactMap(\.label).map { "labels.*.\($0)" }
                }
                guard let nested = tree[key] as? [String: Any] else { return [path] }
                return [path] + paths(nested, prefix: path + ".")
            }
        }
        return paths(GalleyConfigFile.keys, prefix: "")
    }

    /// Reads the config at `path` (as the user named it, for messages).
    public func load(_ path: String) throws -> GalleyConfig {
        let text: String
        do {
            let data = try RegularFile.read(path, limit: Self.byteLimit, limitName: "galley.yaml size")
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw Diagnostic(file: path, message: "galley.yaml is not UTF-8 text")
            }
            text = decoded
        } catch let problem as FileProblem {
            throw Diagnostic(file: path, message: problem.description)
        }
        try NestingScan.check(text, limit: limits.nestingDepth, file: path)
        let parsed: Node?
        do {
            // No tag rules, as for layouts: values are read by the type the decoder expects.
            parsed = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw YAMLSyntaxDiagnostic.make(error, file: path)
        }
        // An empty file is a valid config that sets nothing (galley init's template is mostly comments).
        guard let node = parsed else { return GalleyConfig(file: path) }
        try YAMLIntegerGuard.check(node, file: path)
        guard case .mapping = node else {
            throw Diagnostic(file: path, line: 1, message: "galley.yaml must be a mapping of keys to values")
        }
        try Self.rejectUnknownKeys(node, allowed: GalleyConfigFile.keys, path: [], file: path)
        let locator = YAMLLocator(node: node)
        let raw: GalleyConfigFile
        do {
            raw = try YAMLDecoder().decode(GalleyConfigFile.self, from: text)
        } catch let error as DecodingError {
            throw DecodingErrorDiagnostic.make(error, file: path, locator: locator)
        }
        return try GalleyConfigResolver(file: path, locator: locator).resolve(raw)
    }

    private static func rejectUnknownKeys(_ node: Node, allowed: [String: Any], path: [String], file: String) throws {
        guard case .mapping(let mapping) = node else { return }
        for (key, value) in mapping {
            let name = key.string ?? ""
            let keyPath = (path + [name]).joined(separator: ".")
            guard let child = allowed[name] else {
                let hint = KeySuggestion.closest(to: name, in: allowed.keys).map { "did you mean \($0)? " } ?? ""
                throw Diagnostic(file: file, line: key.mark?.line, path: keyPath,
                                 message: "unknown key (\(hint)expected one of: \(allowed.keys.sorted().joined(separator: ", ")))")
            }
            if name == "labels", path.isEmpty {
                try rejectUnknownLabels(value, file: file)
            } else if let nested = child as? [String: Any] {
                try rejectUnknownKeys(value, allowed: nested, path: path + [name], file: file)
            }
        }
    }

    /// Under `labels`, any language tag, each holding the names of `Labels`' fields.
    private static func rejectUnknownLabels(_ node: Node, file: String) throws {
        guard case .mapping(let languages) = node else { return }
        let names = Mirror(reflecting: BuiltInLabels.all["en"]!).children.compactMap(\.label)
        let allowed = Dictionary(uniqueKeysWithValues: names.map { ($0, true as Any) })
        for (language, labels) in languages {
            try rejectUnknownKeys(labels, allowed: allowed, path: ["labels", language.string ?? ""], file: file)
        }
    }
}

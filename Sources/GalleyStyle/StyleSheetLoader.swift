import Foundation
import GalleyDiagnostics
import GalleyFiles
import Yams

/// Loads and validates layout files, following `extends:` to a base layout.
public struct StyleSheetLoader: Sendable {
    /// The folder in which layout names (`article-a4`) are looked up.
    public var layoutsDirectory: URL
    /// The font families that are installed; when given, a layout naming any other family is refused.
    public var installedFamilies: Set<String>?
    /// The limits layout files are held to (their nesting depth).
    public var limits: Limits
    /// Where layouts already loaded and checked are kept as bytes; nil reads every layout afresh.
    public var cache: CompiledLayoutCache?

    /// Creates a loader that resolves names in `layoutsDirectory`, checks font names against `installedFamilies`,
    /// holds files to `limits`, keeping what it loads in `cache`.
    public init(layoutsDirectory: URL, installedFamilies: Set<String>? = nil, limits: Limits = Limits(), cache: CompiledLayoutCache? = nil) {
        self.layoutsDirectory = layoutsDirectory
        self.installedFamilies = installedFamilies
        self.limits = limits
        self.cache = cache
    }

    /// Resolves a layout name (`article-a4`) or a path to a file.
    public func url(for nameOrPath: String) -> URL {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") {
            return URL(fileURLWithPath: nameOrPath)
        }
        return layoutsDirectory.appendingPathComponent(nameOrPath + ".yaml")
    }

    /// Loads the layout named `nameOrPath`, or throws a `Diagnostic` naming the file, line and key.
    public func load(_ nameOrPath: String) throws -> StyleSheet {
        let file = url(for: nameOrPath)
        guard let cache, let text = FileManager.default.contents(atPath: file.path) else { return try loadChecked(file).sheet }
        let lookup = cache.lookup(file: file, text: text, loader: self)
        if let sheet = cache.load(lookup) { return sheet }
        // The bytes the entry is named by are the ones decoded, so the entry always holds the sheet they make.
        let (sheet, chain) = try loadChecked(file, bytes: text)
        cache.store(sheet, bases: chain.dropLast().map { ($0.displayName, $0.bytes) }, under: lookup)
        return sheet
    }

    /// Reads, decodes and checks `file` (whose `bytes` may have been read already) and the layouts it extends.
    private func loadChecked(_ file: URL, bytes: Data? = nil) throws -> (sheet: StyleSheet, chain: [LayoutFile]) {
        let chain = try readChain(file, bytes: bytes, seen: [])
        let merged = chain.dropFirst().reduce(chain[0].node) { Self.merge($0, over: $1.node) }
        let sheet: StyleSheet
        do {
            // A layout that extends none is decoded from its own text; a merged one has to be written out first.
            sheet = try YAMLDecoder().decode(StyleSheet.self, from: chain.count == 1 ? chain[0].text : try Yams.serialize(node: merged))
        } catch let error as DecodingError {
            throw DecodingErrorDiagnostic.make(error, file: chain.last!.displayName, locator: YAMLLocator(node: merged))
        }
        var allowed = try Self.keyTree(of: sheet)
        // The identity is the publisher's, from galley.yaml: a layout that names one would tie a design to a publisher.
        if var top = allowed as? [String: Any] {
            top["identity"] = nil
            allowed = top
        }
        for file in chain {
            try Self.rejectUnknownKeys(file.node, allowed: allowed, path: [], file: file)
        }
        try StyleSheetValidator(file: chain.last!.displayName, locator: YAMLLocator(node: merged)).validate(sheet)
        if let installedFamilies { try checkFonts(of: sheet, installed: installedFamilies, chain: chain) }
        return (sheet, chain)
    }

    /// Refuses a layout that names a font family that is not installed, naming the file and line that does.
    private func checkFonts(of sheet: StyleSheet, installed: Set<String>, chain: [LayoutFile]) throws {
        var uses: [(path: [String], family: String)] = []
        for name in sheet.fonts.keys.sorted() {
            let stack = sheet.fonts[name]!
            uses.append((["fonts", name, "default"], stack.primary))
            for key in stack.scripts.keys.sorted() { uses.append((["fonts", name, key], stack.scripts[key]!)) }
        }
        for child in Mirror(reflecting: sheet.styles).children {
            guard let style = child.value as? ParagraphStyle, let label = child.label, sheet.fonts[style.font] == nil else { continue }
            uses.append((["styles", label, "font"], style.font))
        }
        for use in uses where !installed.contains(use.family) {
            // The last file of the chain that sets the key is the one to fix.
            let keys = use.path.map { AnyKey($0) }
            let file = chain.last { YAMLLocator(node: $0.node).has(keys) } ?? chain.last!
            let stacks = sheet.fonts.keys.sorted().joined(separator: ", ")
            throw Diagnostic(file: file.displayName, line: YAMLLocator(node: file.node).line(of: keys), path: use.path.joined(separator: "."),
                             message: "no installed font has the family \(QuotedValue.quote(use.family)) (Galley uses only the fonts in its Fonts/ folder and those in Fonts/pinned-fonts.tsv\(use.path[0] == "styles" ? "; a style's font may also name a stack: \(stacks)" : ""))")
        }
    }


    private struct LayoutFile {
        var displayName: String
        var node: Node
        /// The file's text, decoded as it is when no other layout is merged into it.
        var text: String
        /// The file's bytes, which a cache entry made from it is checked against.
        var bytes: Data
    }

    /// Reads a file and its bases, base first.
    private func readChain(_ url: URL, bytes: Data? = nil, seen: Set<String>) throws -> [LayoutFile] {
        let displayName = url.path
        guard !seen.contains(url.standardizedFileURL.path) else {
            throw Diagnostic(file: displayName, path: "extends", message: "layouts extend each other in a cycle")
        }
        guard let data = bytes ?? FileManager.default.contents(atPath: url.path) else {
            throw Diagnostic(file: displayName, message: "no such layout file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(file: displayName, message: "the layout is not UTF-8 text")
        }
        // Yams composes one call frame per level: a layout nested thousands deep would overflow the stack.
        try NestingScan.check(text, limit: limits.nestingDepth, file: displayName)
        let parsed: Node?
        do {
            // No tag rules: the decoder reads each value by the type it expects, and resolving every scalar's tag
            // through the default rules (seven regular expressions each) was a tenth of a render's start.
            parsed = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw YAMLSyntaxDiagnostic.make(error, file: displayName)
        }
        if let parsed { try YAMLIntegerGuard.check(parsed, file: displayName) }
        guard var node = parsed, case .mapping(var mapping) = node else {
            throw Diagnostic(file: displayName, line: 1, message: "a layout must be a mapping of keys to values")
        }
        guard let base = mapping["extends"] else { return [LayoutFile(displayName: displayName, node: node, text: text, bytes: data)] }
        guard let baseName = base.string else {
            throw Diagnostic(file: displayName, line: base.mark?.line, path: "extends", message: "expected the name of a layout")
        }
        mapping["extends"] = nil
        node = .mapping(mapping)
        let baseURL = baseName.contains("/") || baseName.hasSuffix(".yaml")
            ? url.deletingLastPathComponent().appendingPathComponent(baseName)
            : layoutsDirectory.appendingPathComponent(baseName + ".yaml")
        return try readChain(baseURL, seen: seen.union([url.standardizedFileURL.path]))
            + [LayoutFile(displayName: displayName, node: node, text: text, bytes: data)]
    }

    /// Overlays `top` on `base`: mappings merge key by key, anything else is replaced.
    static func merge(_ base: Node, over top: Node) -> Node {
        guard case .mapping(var result) = base, case .mapping(let overlay) = top else { return top }
        for (key, value) in overlay {
            if let existing = result[key] {
                result[key] = merge(existing, over: value)
            } else {
                result[key] = value
            }
        }
        return .mapping(result)
    }

    /// The keys a layout may use, read off the encoded form of a decoded sheet.
    private static func keyTree(of sheet: StyleSheet) throws -> Any {
        let data = try JSONEncoder().encode(sheet)
        return try JSONSerialization.jsonObject(with: data)
    }

    private static func rejectUnknownKeys(_ node: Node, allowed: Any, path: [String], file: LayoutFile) throws {
        guard case .mapping(let mapping) = node, var allowedKeys = allowed as? [String: Any] else { return }
        // Maps whose keys are the layout's own (language tags, stack names, scripts) are checked by the validator;
        // the members of a label entry are the fields of `Labels`, whichever of them a sample sets.
        if path == ["fonts"] || (path.count == 2 && path[0] == "fonts") || path == ["sectionColors"] { return }
        if path.count == 2 && path[0] == "labels", let full = try? JSONSerialization.jsonObject(with: JSONEncoder().encode(BuiltInLabels.all["en"]!)) as? [String: Any] {
            allowedKeys = full
        }
        let isFreeMap = path.last == "labels"
        for (key, value) in mapping {
            let name = key.string ?? ""
            if isFreeMap {
                try rejectUnknownKeys(value, allowed: [String: Any](), path: path + [name], file: file)
                continue
            }
            if path.isEmpty, ["publication", "identity"].contains(name) {
                throw Diagnostic(file: file.displayName, line: key.mark?.line, path: name,
                                 message: "a layout names no publisher; set publication, site, colophon and logo in galley.yaml (docs/galley-config.md)")
            }
            guard let child = allowedKeys[name] else {
                let expected = allowedKeys.keys.sorted().joined(separator: ", ")
                throw Diagnostic(file: file.displayName, line: key.mark?.line, path: (path + [name]).joined(separator: "."),
                                 message: "unknown key (expected one of: \(expected))")
            }
            try rejectUnknownKeys(value, allowed: child, path: path + [name], file: file)
        }
    }
}

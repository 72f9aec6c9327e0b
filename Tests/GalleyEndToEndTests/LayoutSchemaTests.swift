import Foundation
import GalleyStyle
import GalleyTestSupport
import Testing

/// Keeps the layout and galley.yaml schemas and their pages honest: the keys Galley accepts, the schema's and the
/// documented ones are the same, and the files Galley ships or writes validate.
@Suite struct LayoutSchemaTests {
    /// Every key path the layout decoder accepts: read off a decoded default layout with its optional keys set, as
    /// the loader's own unknown-key check reads them (`labels.*.byline` for any language; font stacks' scripts free).
    static func layoutKeyPaths() throws -> [String] {
        var sheet = try StyleSheetLoader(layoutsDirectory: Workspace.root.appendingPathComponent("Layouts")).load("article-a4")
        sheet.lineBreaking.interCharacterStretch = 0.1
        sheet.lineBreaking.ideographicLatinSpace = 0.25
        sheet.dropCap = DropCapSettings(lines: 3, color: "#b3261e")
        sheet.sectionColors = ["Ecology": "#2e7d32"]
        sheet.figures = FigureSettings(placement: [.bottom, .top])
        sheet.columns = ColumnSettings(count: 2, gutter: 12, rule: 0.5, ruleColor: "#999999",
                                       lineBreaking: LineBreakingOverrides(pretolerance: 1, tolerance: 1, hyphenPenalty: 1, linePenalty: 1,
                                                                           spaceStretch: 1, spaceShrink: 0.5, minimumWordLength: 3))
        let tree = try JSONSerialization.jsonObject(with: JSONEncoder().encode(sheet)) as! [String: Any]
        let labels = try JSONSerialization.jsonObject(with: JSONEncoder().encode(BuiltInLabels.all["en"]!)) as! [String: Any]
        func paths(_ node: Any, prefix: String) -> [String] {
            guard let mapping = node as? [String: Any] else { return [] }
            return mapping.keys.sorted().flatMap { key -> [String] in
                let path = prefix + key
                if path == "fonts" || path == "sectionColors" { return [path] }
                if path == "labels" { return [path] + labels.keys.sorted().map { "labels.*.\($0)" } }
                return [path] + paths(mapping[key]!, prefix: path + ".")
            }
        }
        // extends is read before decoding, so the sheet never carries it.
        return ["extends"] + paths(tree, prefix: "")
    }

    @Test func schemasDocsAndDecodersAgree() async throws {
        let probe = try await Workspace.run("/usr/bin/env", ["python3", "-c", "import jsonschema, yaml"])
        try #require(probe.status == 0, "python3 with jsonschema and yaml is needed for this test")
        let folder = try Workspace.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let keys: [String: [String]] = ["layout": try Self.layoutKeyPaths(), "config": GalleyConfigLoader.keyPaths]
        try JSONEncoder().encode(keys).write(to: folder.appendingPathComponent("keys.json"))
        let starter = folder.appendingPathComponent("starter")
        let initialised = try await Workspace.galley(["init", starter.path])
        try #require(initialised.status == 0, "\(initialised.stderr)")
        let script = """
        import glob, json, re, sys, yaml, jsonschema
        folder = sys.argv[1]
        keys = json.load(open(folder + '/keys.json'))
        bad = []
        def schema_paths(schema, node, prefix):
            if '$ref' in node:
                node = schema['$defs'][node['$ref'].split('/')[-1]]
            found = []
            for key, child in node.get('properties', {}).items():
                found.append(prefix + key)
                found += schema_paths(schema, child, prefix + key + '.')
            extra = node.get('additionalProperties')
            if isinstance(extra, dict) and '$ref' in extra and prefix.rstrip('.') == 'labels':
                found += schema_paths(schema, extra, prefix + '*.')
            return found
        for name, schema_file, doc_file, files in [
                ('layout', 'docs/layout-format.schema.json', 'docs/layout-format.md',
                 sorted(glob.glob('Layouts/*.yaml')) + [folder + '/starter/Layouts/my-layout.yaml']),
                ('config', 'docs/galley-config.schema.json', 'docs/galley-config.md',
                 ['Examples/galley.yaml', folder + '/starter/galley.yaml'])]:
            schema = json.load(open(schema_file))
            jsonschema.Draft202012Validator.check_schema(schema)
            in_schema = set(schema_paths(schema, schema, ''))
            accepted = set(keys[name])
            for path in sorted(accepted - in_schema): bad.append(f'{schema_file}: lacks {path}, which Galley accepts')
            for path in sorted(in_schema - accepted): bad.append(f'{schema_file}: has {path}, which Galley refuses')
            doc = open(doc_file).read()
            for path in sorted(accepted):
                leaf = path.split('.')[-1]
                if f'`{leaf}`' not in doc and f'`{path}`' not in doc and f'{leaf}:' not in doc:
                    bad.append(f'{doc_file}: does not document {path}')
            validator = jsonschema.Draft202012Validator(schema)
            for path in files:
                text = open(path).read()
                if not re.match(r'# yaml-language-server: \\$schema=\\S+' + re.escape(schema_file.split('/')[-1]), text):
                    bad.append(f'{path}: its first line does not name {schema_file}')
                for error in validator.iter_errors(yaml.safe_load(text) or {}):
                    bad.append(f'{path}: {"/".join(map(str, error.path))}: {error.message}')
        print('\\n'.join(bad))
        sys.exit(1 if bad else 0)
        """
        let result = try await Workspace.run("/usr/bin/env", ["python3", "-c", script, folder.path])
        #expect(result.status == 0, "\(result.text)\(result.stderr)")
    }
}

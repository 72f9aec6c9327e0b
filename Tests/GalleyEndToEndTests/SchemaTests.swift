import Foundation
import Testing

/// Checks that the JSON Schema beside the format description accepts every example and rejects a misspelt block.
@Suite struct SchemaTests {
    @Test func examplesMatchTheSchema() async throws {
        // Python's jsonschema is installed on this platform; without it the check cannot run, which must not pass silently.
        let probe = try await Workspace.run("/usr/bin/env", ["python3", "-c", "import jsonschema"])
        try #require(probe.status == 0, "python3 with jsonschema is needed for this test")
        let script = """
        import glob, json, sys, jsonschema
        schema = json.load(open('docs/article-format.schema.json'))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        bad = 0
        for path in sorted(glob.glob('Examples/*.json')):
            for error in validator.iter_errors(json.load(open(path))):
                print(path, error.message); bad += 1
        broken = json.load(open('Tests/GalleyEndToEndTests/Fixtures/bad.json'))
        if not list(validator.iter_errors(broken)):
            print('bad.json passed the schema'); bad += 1
        sys.exit(1 if bad else 0)
        """
        let result = try await Workspace.run("/usr/bin/env", ["python3", "-c", script])
        #expect(result.status == 0, "\(result.text)\(result.stderr)")
    }
}

import Foundation
import GalleyDiagnostics
import Testing

/// The pre-scan that keeps deeply nested YAML and JSON from Yams: it counts what nests, and only that.
@Suite struct NestingScanTests {
    static func depthFound(_ text: String) -> Int {
        // The smallest limit the text stays within.
        (0...50).first { NestingScan.lineExceeding($0, in: text) == nil } ?? .max
    }

    @Test func countsBlockMappingsAndSequences() {
        #expect(Self.depthFound("a: 1\nb: 2\n") == 1)
        #expect(Self.depthFound("a:\n  b:\n    c: 1\n") == 3)
        #expect(Self.depthFound("a:\n- x\n- y\nb: 1\n") == 2)
        #expect(Self.depthFound("- - - a\n") == 3)
        #expect(Self.depthFound("a:\n  - b: 1\n    c: 2\n  - d: 3\n") == 3)
    }

    @Test func countsFlowCollectionsButNotBracketsInStringsOrPlainScalars() {
        #expect(Self.depthFound("{\"a\": [1, [2, {\"b\": 3}]]}") == 4)
        #expect(Self.depthFound("title: \"[[[[[[[[\"\nx: 'it''s [[[['\n") == 1)
        #expect(Self.depthFound("title: Hello [world] {and} more [[[[\n") == 1)
        #expect(Self.depthFound("a: [b, \"]]]\", [c]] # [[[[ a comment\n") == 3)
    }

    @Test func skipsBlockScalars() {
        #expect(Self.depthFound("text: |\n  - a\n    - b\n      - c\n        key: [[[\nnext: 1\n") == 1)
    }

    @Test func theLayoutsAndExamplesStayShallow() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for path in ["Layouts/article-a4.yaml", "Layouts/article-letter.yaml", "Examples/issue.yaml", "Examples/fr-logement.json"] {
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            #expect(Self.depthFound(text) <= 8, "\(path)")
        }
    }

    @Test func reportsTheLineWhereTheLimitIsPassed() {
        #expect(NestingScan.lineExceeding(2, in: "a:\n  b:\n    c:\n      d: 1\n") == 3)
        #expect(NestingScan.lineExceeding(3, in: "x: 1\n\ny: [\n [\n  [\n   [1]]]]\n") == 5)
    }
}

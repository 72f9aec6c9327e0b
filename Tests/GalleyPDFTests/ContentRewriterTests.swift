@testable import GalleyPDF
import Testing

/// The content-stream tokenizer and the rewriting that marks artifacts, on hand-written streams.
@Suite struct ContentRewriterTests {
    private func operators(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            ContentTokenizer.operations(buffer).map { String(decoding: bytes[$0.operatorStart..<$0.end].prefix(2), as: UTF8.self) }
        }
    }

    private func rewrite(_ text: String, marks: [Int32] = [], roles: [String] = ["Document", "P"]) -> (text: String, mcids: [Int32]) {
        let rewriter = ContentRewriter(marks: marks, roleNames: roles.map { Array($0.utf8) })
        let result = Array(text.utf8).withUnsafeBufferPointer { rewriter.rewrite($0) }
        // Whitespace runs are folded so expectations can be written on one line.
        let folded = String(decoding: result.bytes, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return (folded, result.mcids)
    }

    @Test func operandsOfEveryKindAreSteppedOver() {
        let stream = """
            % a comment with Tj and BT in it
            /F1 12 Tf (a (nested) string \\) with ET) Tj <48 65> Tj [(x) -120 (y)] TJ
            /P << /MCID 3 /Alt (q Q) /N [1 2] >> BDC true false null 1 0 0 1 .5 -3 cm EMC
            BI /W 2 /H 1 /BPC 8 /CS /G ID \u{1}EI\u{2}x EI Q
            """
        #expect(operators(stream) == ["Tf", "Tj", "Tj", "TJ", "BD", "cm", "EM", "BI", "Q"])
    }

    @Test func unmarkedPaintingBecomesOneArtifactPerRunAndMarkedContentStays() {
        let result = rewrite("q BT (head) Tj ET 0 0 5 5 re f /P <</MCID 0>> BDC BT (text) Tj ET EMC 1 0 0 rg BT (foot) Tj ET Q", marks: [1])
        #expect(result.text == "q /Artifact BMC BT (head) Tj ET 0 0 5 5 re f EMC /P <</MCID 0>> BDC BT (text) Tj ET EMC 1 0 0 rg /Artifact BMC BT (foot) Tj ET EMC Q")
        #expect(result.mcids == [0])
    }

    @Test func artifactsNestWithSaveAndRestore() {
        let result = rewrite("q 1 0 0 1 5 5 cm /Im1 Do Q 0 0 m 5 5 l S")
        #expect(result.text == "q 1 0 0 1 5 5 cm /Artifact BMC /Im1 Do EMC Q /Artifact BMC 0 0 m 5 5 l S EMC")
    }

    @Test func aClippingPathAloneIsNotAnArtifactAndAPathIsNeverCut() {
        let result = rewrite("0 0 9 9 re W n 0 0 m 4 4 l 2 w S")
        #expect(result.text == "0 0 9 9 re W n /Artifact BMC 0 0 m 4 4 l 2 w S EMC")
    }

    @Test func marksTheRendererDidNotListAreUnwrappedAndTheirContentBecomesArtifact() {
        let result = rewrite("/P <</MCID 0>> BDC (a) Tj EMC /Link <</MCID 1>> BDC EMC /P <</MCID 2>> BDC 0 0 1 1 re f EMC /P <</MCID 0>> BDC (again) Tj EMC",
                             marks: [1, -1])
        #expect(result.text == "/P <</MCID 0>> BDC (a) Tj EMC /Artifact BMC 0 0 1 1 re f EMC /Artifact BMC (again) Tj EMC")
        #expect(result.mcids == [0])
    }

    /// A listed id met a second time (Galley's text numbered over an id cairo had used) is unwrapped and reported,
    /// so that the finish can refuse the file rather than let the text read as an artifact.
    @Test func aListedIdMetAgainIsReported() {
        let rewriter = ContentRewriter(marks: [1, 1], roleNames: ["Document", "P"].map { Array($0.utf8) })
        let twice = Array("/P <</MCID 0>> BDC EMC BT /P<</MCID 0>>BDC [<0001>]TJ EMC ET /P<</MCID 1>>BDC EMC".utf8)
        let result = twice.withUnsafeBufferPointer { rewriter.rewrite($0) }
        #expect(result.mcids == [0, 1])
        #expect(result.repeated == [0])
        let once = Array("/P <</MCID 0>> BDC EMC /P<</MCID 1>>BDC EMC".utf8)
        #expect(once.withUnsafeBufferPointer { rewriter.rewrite($0) }.repeated.isEmpty)
    }

    @Test func tagsAreRenamedToTheirNodesRole() {
        let result = rewrite("/Span <</MCID 0>> BDC (link) Tj EMC", marks: [2], roles: ["Document", "P", "Link"])
        #expect(result.text == "/Link <</MCID 0>> BDC (link) Tj EMC")
    }

    @Test func insideATextObjectWithMarksArtifactsStayInsideIt() {
        let result = rewrite("BT (a) Tj /P <</MCID 0>> BDC (b) Tj EMC (c) Tj ET", marks: [1])
        #expect(result.text == "BT /Artifact BMC (a) Tj EMC /P <</MCID 0>> BDC (b) Tj EMC /Artifact BMC (c) Tj EMC ET")
    }

    @Test func existingArtifactsAndOptionalContentAreRespected() {
        let result = rewrite("/Artifact BMC (a) Tj EMC /OC /L1 BDC (b) Tj EMC")
        #expect(result.text == "/Artifact BMC (a) Tj EMC /OC /L1 BDC /Artifact BMC (b) Tj EMC EMC")
    }

    @Test func aStrayEndIsDroppedAndAnUnendedArtifactIsEnded() {
        #expect(rewrite("EMC (a) Tj").text == "/Artifact BMC (a) Tj EMC")
    }

    @Test func anInlineImageWhoseDataHoldsOperatorsIsOneUnit() {
        let result = rewrite("BI /W 1 /H 1 ID BT EMC Q EI Q")
        #expect(result.text == "/Artifact BMC BI /W 1 /H 1 ID BT EMC Q EI EMC Q")
    }
}

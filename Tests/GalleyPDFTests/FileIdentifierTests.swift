import Crypto
@testable import GalleyPDF
import Testing

/// The `/ID` the native writer derives from a file's bytes: whole for a small file, from 256 KiB pieces hashed side by
/// side for a large one, and never dependent on the threads.
@Suite struct FileIdentifierTests {
    /// Bytes that are not all alike, so that a piece hashed at the wrong offset gives another digest.
    private static func bytes(count: Int) -> [UInt8] {
        var state: UInt32 = 2_463_534_242
        return (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 17
            state ^= state << 5
            return UInt8(truncatingIfNeeded: state)
        }
    }

    private static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        digest.prefix(16).map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    @Test func aSmallFileIsHashedWhole() throws {
        let output = Self.bytes(count: NativePDFWriter.piecewiseIdentifierFrom - 1)
        let expected = Self.hex(SHA256.hash(data: output))
        #expect(try NativePDFWriter.identifier(of: output, threads: 1) == expected)
        #expect(try NativePDFWriter.identifier(of: output, threads: 2) == expected)
    }

    @Test func aLargeFileIsHashedInPiecesWhateverTheThreads() throws {
        // Three pieces and a short last one.
        let piece = NativePDFWriter.identifierPiece
        var output = Self.bytes(count: NativePDFWriter.piecewiseIdentifierFrom + 2 * piece + 5)
        var digests: [UInt8] = []
        for start in stride(from: 0, to: output.count, by: piece) {
            digests += Array(SHA256.hash(data: Array(output[start..<min(output.count, start + piece)])))
        }
        let expected = Self.hex(SHA256.hash(data: digests))
        for threads in [1, 2, 5] {
            #expect(try NativePDFWriter.identifier(of: output, threads: threads) == expected)
        }
        #expect(expected != Self.hex(SHA256.hash(data: output)))
        // The last byte of the short last piece counts too.
        output[output.count - 1] ^= 1
        #expect(try NativePDFWriter.identifier(of: output, threads: 2) != expected)
    }
}

import Foundation
@testable import GalleyPDF
import Testing

/// Streams made on other threads while the native store goes on (the font programs harfbuzz subsets): written last, in
/// order, the same bytes whatever the threads and however long each took, and their maker's error thrown by the write.
@Suite struct DeferredStreamsTests {
    /// A store of the sample with five deferred streams, each `index` repeated, made slowest first when `reversed`.
    private static func written(threads: Int, slowFirst: Bool) throws -> (file: Data, handles: [PDFValue]) {
        let document = try NativePDF(Samples.draw().finish())
        let order = slowFirst ? Array((0..<5).reversed()) : Array(0..<5)
        let handles = try document.deferredStreams(startingWith: order, threads: threads) { index in
            // The later streams take longer: without the store's ordering, they would land wherever they finished.
            usleep(UInt32(index) * 3_000)
            return DeferredStream(bytes: Array(repeating: UInt8(65 + index), count: 1_000 + index), integers: [("/Length1", 1_000 + index)])
        }
        // Reached from the catalog, as a font program is from its page's resources.
        document.set(document.root, "/GalleyTest", document.array(handles))
        return (try document.write(), handles)
    }

    @Test func theStreamsAreWrittenLastInOrderWhateverTheThreads() async throws {
        let one = try Self.written(threads: 1, slowFirst: false)
        for (threads, slowFirst) in [(2, true), (3, false), (4, true)] {
            #expect(try Self.written(threads: threads, slowFirst: slowFirst).file == one.file, "\(threads) threads")
        }
        // Each stream reads back as the bytes made for its index, with the entry taken from them.
        let file = try PDFTools.file(one.file)
        let check = try await PDFTools.run("/usr/bin/qpdf", ["--check", file.path])
        #expect(check.status == 0 && !check.stdout.contains("WARNING"), "\(check.stdout)")
        for (index, handle) in one.handles.enumerated() {
            guard case .reference(let number) = handle else { Issue.record("not a reference"); continue }
            let shown = try await PDFTools.run("/usr/bin/qpdf", ["--show-object=\(number)", "--filtered-stream-data", file.path])
            #expect(shown.stdout == String(repeating: String(UnicodeScalar(UInt8(65 + index))), count: 1_000 + index))
            let dictionary = try await PDFTools.run("/usr/bin/qpdf", ["--show-object=\(number)", file.path]).stdout
            #expect(dictionary.contains("/Length1 \(1_000 + index)") && dictionary.contains("/Filter /FlateDecode"), "\(dictionary)")
        }
        // Written after every other object: the objects the file holds, in the order they come, end with the five
        // deferred ones and then the cross-reference stream.
        let text = String(decoding: one.file, as: UTF8.self)
        let headers = text.matches(of: /\n(\d+) 0 obj\n/).map { Int($0.output.1)! }
        let numbers = one.handles.compactMap { handle -> Int? in
            if case .reference(let number) = handle { number } else { nil }
        }
        #expect(Array(headers.suffix(6).prefix(5)) == numbers, "\(headers.suffix(8))")
    }

    @Test func whatMakingAStreamThrewIsThrownByTheWrite() throws {
        let document = try NativePDF(Samples.draw().finish())
        let handles = try document.deferredStreams(startingWith: [0, 1, 2], threads: 2) { index in
            if index == 1 { throw PDFFinishError.unreadableFile(path: "/fonts/broken.ttf", reason: "cannot subset") }
            return DeferredStream(bytes: [1, 2, 3])
        }
        document.set(document.root, "/GalleyTest", document.array(handles))
        #expect(throws: PDFFinishError.unreadableFile(path: "/fonts/broken.ttf", reason: "cannot subset")) { try document.write() }
    }
}

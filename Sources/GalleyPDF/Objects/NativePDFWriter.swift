import Crypto
import Foundation
import GalleyFiles

/// Writes a `NativePDF` as a new file: the streams the trailer still reaches, those never read copied byte for
/// byte, then every other object packed into compressed object streams, then a cross-reference stream whose `/ID`
/// is derived from everything before it, so that the same input always gives the same bytes.
///
/// Objects keep their numbers; numbers nothing reaches any more (cairo's structure tree) are left out of the
/// cross-reference stream through its `/Index` subsections rather than listed as free. Object streams exist
/// because tagging adds well over a hundred small dictionaries (one per structure element), which written plainly
/// grew a two-page article by 28 %; packed and compressed together they cost a few hundred bytes.
final class NativePDFWriter {
    let document: NativePDF
    /// Untouched streams found stored (zlib level 0) by `reachableObjects`.
    private var storedStreams: [Int] = []
    /// Untouched objects found to be streams by `reachableObjects`: they stay outside object streams.
    private var untouchedStreams = Set<Int>()
    /// At most this many objects go into one object stream, so that an object's index fits the `/W` field of 2
    /// bytes with room to spare and a reader never inflates a large stream for one object.
    private static let objectsPerStream = 200

    init(document: NativePDF) {
        self.document = document
    }

    func write() throws -> Data {
        let reached = reachableObjects()
        try compressStoredStreams()
        var output: [UInt8] = []
        output.reserveCapacity(document.input.count + 16 << 10)
        // A binary comment right after the header, as PDF/A asks, tells transfer programs the file is binary.
        // Object and cross-reference streams need PDF 1.5; the header says 1.7, as before.
        output.append(contentsOf: "%PDF-1.7\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        // Where each object is: (0, offset) for one written in the file, (stream, index) for one in an object stream.
        var entries: [(number: Int, container: Int, position: Int)] = []
        entries.reserveCapacity(reached.count + 8)
        var packed: [Int] = []
        // Streams other threads are still making (font programs being subset) are written last, in order, so that
        // they are waited for as late as can be and land in the same place however long they took.
        var deferredNumbers: [Int] = []
        try document.input.withUnsafeBufferPointer { input in
            for number in reached {
                guard let object = document.objects[number] else { continue }
                if document.deferred[number] != nil {
                    deferredNumbers.append(number)
                    continue
                }
                let isStream = object.value == nil ? untouchedStreams.contains(number) : (object.data != nil || object.originalData != nil)
                guard isStream else {
                    packed.append(number)
                    continue
                }
                entries.append((number, 0, output.count))
                if object.value == nil, let span = object.span {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: input[span]))
                    output.append(10)
                    continue
                }
                let value = object.value ?? .null
                let data: Data? = object.data ?? object.originalData.map { Data(UnsafeBufferPointer(rebasing: input[$0])) }
                if let data, case .dictionary(let box) = value {
                    Self.appendStream(number, box, data, to: &output)
                } else {
                    output.append(contentsOf: "\(number) 0 obj\n".utf8)
                    PDFSyntax.write(value, to: &output)
                    output.append(ascii: "\nendobj\n")
                }
            }
            // New numbers follow every number the store has given, so they can never meet an object's.
            var streamNumber = document.nextNumber
            let chunkRanges = stride(from: 0, to: packed.count, by: Self.objectsPerStream).map { $0..<min(packed.count, $0 + Self.objectsPerStream) }
            for (chunkIndex, range) in chunkRanges.enumerated() {
                for (index, number) in packed[range].enumerated() { entries.append((number, streamNumber + chunkIndex, index)) }
            }
            // The object streams are written and compressed side by side (an issue of 200 pages has dozens), then
            // put in the file in order. Nothing changes the store meanwhile: the threads only read its objects.
            let level = document.zlibLevel
            let objects = ReadOnlyObjects(objects: document.objects)
            let source = document.input
            let packedNumbers = packed
            let chunks = try ParallelMap.map(count: chunkRanges.count, threads: document.threads) { chunkIndex -> (count: Int, first: Int, data: [UInt8]) in
                let chunk = packedNumbers[chunkRanges[chunkIndex]]
                var header: [UInt8] = []
                var body: [UInt8] = []
                source.withUnsafeBufferPointer { input in
                    for (index, number) in chunk.enumerated() {
                        if index > 0 {
                            header.append(32)
                            body.append(10)
                        }
                        PDFNumbers.append(number, to: &header)
                        header.append(32)
                        PDFNumbers.append(body.count, to: &header)
                        Self.appendBody(of: objects.objects[number], input: input, to: &body)
                    }
                }
                header.append(10)
                return (chunk.count, header.count, Flate.deflate(header + body, level: level))
            }
            for chunk in chunks {
                entries.append((streamNumber, 0, output.count))
                output.append(contentsOf: "\(streamNumber) 0 obj\n<</Type /ObjStm /N \(chunk.count) /First \(chunk.first) /Filter /FlateDecode /Length \(chunk.data.count)>>\nstream\n".utf8)
                output.append(contentsOf: chunk.data)
                output.append(ascii: "\nendstream\nendobj\n")
                streamNumber += 1
            }
            for number in deferredNumbers {
                guard let (batch, index) = document.deferred[number], let object = document.objects[number],
                      case .dictionary(let box) = object.value ?? .null else { continue }
                let stream = try batch.stream(index)
                for entry in stream.integers { box[entry.key] = .integer(entry.value) }
                entries.append((number, 0, output.count))
                Self.appendStream(number, box, stream.data, to: &output)
            }
            entries.append((streamNumber, 0, output.count))
        }
        let identifier = try Self.identifier(of: output, threads: document.threads)
        writeCrossReferenceStream(entries.sorted { $0.number < $1.number }, identifier: identifier, to: &output)
        return Data(output)
    }

    /// Files this large or larger have their identifier hashed in pieces (`identifier(of:threads:)`).
    static let piecewiseIdentifierFrom = 1 << 20
    /// The size of those pieces, fixed so that the identifier never depends on the threads.
    static let identifierPiece = 256 << 10

    /// The file's identifier: the first 16 bytes of a SHA-256 of every byte before the cross-reference stream.
    ///
    /// SHA-256 runs on one core, about 15 ms for an issue of 2 MB here, after everything else of the file is written.
    /// A file of 1 MiB or more is therefore hashed in pieces of 256 KiB side by side, and the identifier is the hash
    /// of their digests in order; a smaller file (an article's, as a rule) is hashed whole, as before.
    static func identifier(of output: [UInt8], threads: Int) throws -> String {
        guard output.count >= piecewiseIdentifierFrom else { return HexText.lowercase(SHA256.hash(data: output).prefix(16)) }
        let pieces = (output.count + identifierPiece - 1) / identifierPiece
        let digests = try ParallelMap.map(count: pieces, threads: threads) { index in
            let start = index * identifierPiece
            return output.withUnsafeBufferPointer { bytes in
                var hasher = SHA256()
                let piece = UnsafeBufferPointer(rebasing: bytes[start..<min(bytes.count, start + identifierPiece)])
                hasher.update(bufferPointer: UnsafeRawBufferPointer(piece))
                return Array(hasher.finalize())
            }
        }
        return HexText.lowercase(SHA256.hash(data: digests.flatMap { $0 }).prefix(16))
    }

    /// Appends the stream object `number`: its dictionary `box` with `data`'s length, then the data.
    private static func appendStream(_ number: Int, _ box: PDFDictionaryBox, _ data: some Collection<UInt8>, to output: inout [UInt8]) {
        box["/Length"] = .integer(data.count)
        output.append(contentsOf: "\(number) 0 obj\n".utf8)
        PDFSyntax.write(.dictionary(box), to: &output)
        output.append(ascii: "\nstream\n")
        output.append(contentsOf: data)
        output.append(ascii: "\nendstream\nendobj\n")
    }

    /// The store's objects, handed to the threads that write object streams, which only read them while `write`
    /// waits for them (the store's own thread changes nothing until they are done).
    private struct ReadOnlyObjects: @unchecked Sendable {
        let objects: [Int: NativePDF.Object]
    }

    /// Appends the body of the non-stream `object` (what lies between `obj` and `endobj`): an untouched object's
    /// bytes as they are, any other written from its value.
    private static func appendBody(of object: NativePDF.Object?, input: UnsafeBufferPointer<UInt8>, to body: inout [UInt8]) {
        guard let object else { return }
        guard object.value == nil, let span = object.span else {
            PDFSyntax.write(object.value ?? .null, to: &body)
            return
        }
        var index = span.lowerBound
        PDFSyntax.skipObjectHeader(input, &index)
        // The span ends with endobj (checked when the file was read); whitespace around the body is not needed.
        var end = span.upperBound - 6
        while index < end, ContentTokenizer.isWhitespace(input[index]) { index += 1 }
        while end > index, ContentTokenizer.isWhitespace(input[end - 1]) { end -= 1 }
        body.append(contentsOf: UnsafeBufferPointer(rebasing: input[index..<end]))
    }

    /// Appends the cross-reference stream, the last object (its own entry is `entries`' last), and the file's end.
    ///
    /// Rows are compressed with the PNG Up predictor, as qpdf writes them: offsets change little from row to
    /// row, so the differences are mostly zeros.
    private func writeCrossReferenceStream(_ entries: [(number: Int, container: Int, position: Int)], identifier: String, to output: inout [UInt8]) {
        let xref = output.count
        let largest = entries.reduce(xref) { max($0, $1.container == 0 ? $1.position : $1.container) }
        var width = 1
        while width < 8, largest >> (8 * width) != 0 { width += 1 }
        let columns = 1 + width + 2
        // Object 0 heads the free list, as in a classic table.
        let rows: [(type: UInt8, field: Int, extra: Int)] = [(0, 0, 65535)] + entries.map { ($0.container == 0 ? 1 : 2, $0.container == 0 ? $0.position : $0.container, $0.container == 0 ? 0 : $0.position) }
        let numbers = [0] + entries.map(\.number)
        var data: [UInt8] = []
        data.reserveCapacity(rows.count * (columns + 1))
        var previous = [UInt8](repeating: 0, count: columns)
        var row = [UInt8](repeating: 0, count: columns)
        for entry in rows {
            row[0] = entry.type
            for byte in 0..<width { row[1 + byte] = UInt8(truncatingIfNeeded: entry.field >> (8 * (width - 1 - byte))) }
            row[1 + width] = UInt8(truncatingIfNeeded: entry.extra >> 8)
            row[2 + width] = UInt8(truncatingIfNeeded: entry.extra)
            data.append(2)
            for column in 0..<columns { data.append(row[column] &- previous[column]) }
            swap(&previous, &row)
        }
        var index: [PDFValue] = []
        var start = 0
        while start < numbers.count {
            var end = start + 1
            while end < numbers.count, numbers[end] == numbers[end - 1] + 1 { end += 1 }
            index.append(.integer(numbers[start]))
            index.append(.integer(end - start))
            start = end
        }
        let compressed = Flate.deflate(data, level: document.zlibLevel)
        let id = PDFValue.string(hexBytes(identifier))
        let dictionary = PDFDictionaryBox([
            ("/Type", .name("/XRef")),
            ("/Size", .integer((numbers.last ?? 0) + 1)),
            ("/Index", .array(PDFArrayBox(index))),
            ("/W", .array(PDFArrayBox([.integer(1), .integer(width), .integer(2)]))),
        ])
        for key in ["/Root", "/Info"] { dictionary[key] = document.trailerBox[key] }
        dictionary["/ID"] = .array(PDFArrayBox([id, id]))
        dictionary["/Filter"] = .name("/FlateDecode")
        dictionary["/DecodeParms"] = .dictionary(PDFDictionaryBox([("/Columns", .integer(columns)), ("/Predictor", .integer(12))]))
        Self.appendStream(numbers.last ?? 0, dictionary, compressed, to: &output)
        output.append(contentsOf: "startxref\n\(xref)\n%%EOF\n".utf8)
    }

    private func hexBytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
    }

    /// Compresses, now, every stream cairo stored that the file's trailer reaches, as `write` would: for a part of a
    /// document drawn in parts, on the thread that drew it (`PDFFinisher.prepare`), so that the join's writer finds
    /// nothing left to compress. The bytes written are the same either way.
    func compressReachableStoredStreams() throws {
        _ = reachableObjects()
        try compressStoredStreams()
    }

    /// Compresses at the store's level the streams that were left uncompressed (stored deflate blocks).
    ///
    /// A renderer that knows this pass follows can have cairo write its streams at zlib level 0, which costs a
    /// copy; its streams are then compressed once, here, instead of cairo compressing page content that this
    /// pass must inflate and compress again.
    private func compressStoredStreams() throws {
        // Objects are parsed on this thread; only the streams' bytes go to the others.
        var stored: [(object: NativePDF.Object, stream: NativePDF.StoredStream)] = []
        for number in storedStreams {
            let handle = PDFValue.reference(number)
            // A stream with another filter, or with parameters, is left as it is (stored, and still readable).
            guard let object = document.resolveObject(handle), let stream = try? document.storedStream(handle), stream.compressed,
                  stream.range != nil || stream.data != nil else { continue }
            stored.append((object, stream))
        }
        try document.check()
        let input = document.input
        let streams = stored.map(\.stream)
        let level = document.zlibLevel
        let compressed = try ParallelMap.map(count: streams.count, threads: document.threads) { index in
            Data(Flate.deflate(try input.withUnsafeBufferPointer { try streams[index].decoded(in: $0) }, level: level))
        }
        for (entry, data) in zip(stored, compressed) {
            entry.object.data = data
            entry.object.originalData = nil
        }
    }

    /// The numbers of the objects the trailer's `/Root` and `/Info` reach, ascending; the untouched streams among
    /// them are noted in `untouchedStreams`, and every stream whose zlib data begins with a stored block (untouched,
    /// read but left as it was, or joined from another part) in `storedStreams`.
    private func reachableObjects() -> [Int] {
        var reached = Set<Int>()
        var queue: [Int] = []
        func visit(_ value: PDFValue) {
            switch value {
            case .reference(let number):
                if reached.insert(number).inserted { queue.append(number) }
            case .array(let box):
                for item in box.items { visit(item) }
            case .dictionary(let box):
                for entry in box.entries { visit(entry.value) }
            default:
                break
            }
        }
        for key in ["/Root", "/Info"] { visit(document.trailerBox[key] ?? .null) }
        document.input.withUnsafeBufferPointer { input in
            while let number = queue.popLast() {
                guard let object = document.objects[number] else { continue }
                if let value = object.value {
                    visit(value)
                    // A stream read (or joined from another part) whose data is still the stored blocks cairo wrote.
                    if let range = object.originalData {
                        if Flate.beginsWithStoredBlock(input, at: range.lowerBound, end: range.upperBound) { storedStreams.append(number) }
                    } else if let data = object.data,
                              data.withUnsafeBytes({ Flate.beginsWithStoredBlock($0.bindMemory(to: UInt8.self), at: 0, end: $0.count) }) {
                        storedStreams.append(number)
                    }
                } else if let span = object.span,
                          var start = PDFSyntax.references(input, in: span, { visit(.reference($0)) }) {
                    untouchedStreams.insert(number)
                    // zlib's two header bytes, then the first block's header: type 00 is stored.
                    start += 6
                    if start < span.upperBound, input[start] == 13 { start += 1 }
                    if start < span.upperBound, input[start] == 10 { start += 1 }
                    if Flate.beginsWithStoredBlock(input, at: start, end: span.upperBound) { storedStreams.append(number) }
                }
            }
        }
        return reached.filter { document.objects[$0] != nil }.sorted()
    }
}

import Crypto
import Foundation

/// Writes a `NativePDF` as a new file: the objects the trailer still reaches, those never read copied byte for
/// byte, the rest written from their values, then a cross-reference table and a trailer whose `/ID` is derived
/// from everything before it, so that the same input always gives the same bytes.
///
/// Objects keep their numbers; numbers nothing reaches any more (cairo's structure tree) are left out of the
/// table through its subsections rather than listed as free.
final class NativePDFWriter {
    let document: NativePDF
    /// Untouched streams found stored (zlib level 0) by `reachableObjects`.
    private var storedStreams: [Int] = []

    init(document: NativePDF) {
        self.document = document
    }

    func write() throws -> Data {
        let reached = reachableObjects()
        try compressStoredStreams()
        var output: [UInt8] = []
        output.reserveCapacity(document.input.count + 16 << 10)
        // A binary comment right after the header, as PDF/A asks, tells transfer programs the file is binary.
        output.append(contentsOf: "%PDF-1.7\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [(number: Int, offset: Int)] = []
        offsets.reserveCapacity(reached.count)
        document.input.withUnsafeBufferPointer { input in
            for number in reached {
                guard let object = document.objects[number] else { continue }
                offsets.append((number, output.count))
                if object.value == nil, let span = object.span {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: input[span]))
                    output.append(10)
                    continue
                }
                output.append(contentsOf: "\(number) 0 obj\n".utf8)
                let value = object.value ?? .null
                let data: Data? = object.data ?? object.originalData.map { Data(UnsafeBufferPointer(rebasing: input[$0])) }
                if let data, case .dictionary(let box) = value {
                    box["/Length"] = .integer(data.count)
                    PDFSyntax.write(value, to: &output)
                    output.append(contentsOf: "\nstream\n".utf8)
                    output.append(contentsOf: data)
                    output.append(contentsOf: "\nendstream".utf8)
                } else {
                    PDFSyntax.write(value, to: &output)
                }
                output.append(contentsOf: "\nendobj\n".utf8)
            }
        }
        let identifier = SHA256.hash(data: output).prefix(16).map { String(format: "%02x", $0) }.joined()
        let xref = output.count
        output.append(contentsOf: "xref\n0 1\n0000000000 65535 f \n".utf8)
        var start = 0
        while start < offsets.count {
            var end = start + 1
            while end < offsets.count, offsets[end].number == offsets[end - 1].number + 1 { end += 1 }
            output.append(contentsOf: "\(offsets[start].number) \(end - start)\n".utf8)
            for entry in offsets[start..<end] {
                let digits = String(entry.offset)
                output.append(contentsOf: (String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " 00000 n \n").utf8)
            }
            start = end
        }
        let trailer = PDFDictionaryBox([("/Size", .integer((offsets.last?.number ?? 0) + 1))])
        for key in ["/Root", "/Info"] { trailer[key] = document.trailerBox[key] }
        let id = PDFValue.string(hexBytes(identifier))
        trailer["/ID"] = .array(PDFArrayBox([id, id]))
        output.append(contentsOf: "trailer\n".utf8)
        PDFSyntax.write(.dictionary(trailer), to: &output)
        output.append(contentsOf: "\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return Data(output)
    }

    private func hexBytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
    }

    /// Compresses at the store's level the streams that were left uncompressed (stored deflate blocks).
    ///
    /// A renderer that knows this pass follows can have cairo write its streams at zlib level 0, which costs a
    /// copy; its streams are then compressed once, here, instead of cairo compressing page content that this
    /// pass must inflate and compress again.
    private func compressStoredStreams() throws {
        for number in storedStreams {
            let handle = PDFValue.reference(number)
            guard let object = document.resolveObject(handle), document.isName(document.get(handle, "/Filter"), "/FlateDecode") else { continue }
            let inflated = try document.streamData(handle)
            object.data = Data(Flate.deflate([UInt8](inflated), level: document.zlibLevel))
            object.originalData = nil
        }
    }

    /// The numbers of the objects the trailer's `/Root` and `/Info` reach, ascending; the untouched streams among
    /// them whose zlib data begins with a stored block are noted in `storedStreams`.
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
                } else if let span = object.span,
                          var start = PDFSyntax.references(input, in: span, { visit(.reference($0)) }) {
                    // zlib's two header bytes, then the first block's header: type 00 is stored.
                    start += 6
                    if start < span.upperBound, input[start] == 13 { start += 1 }
                    if start < span.upperBound, input[start] == 10 { start += 1 }
                    if start + 2 < span.upperBound, input[start] & 0x0F == 8, (input[start + 2] >> 1) & 3 == 0 {
                        storedStreams.append(number)
                    }
                }
            }
        }
        return reached.filter { document.objects[$0] != nil }.sorted()
    }
}

import Foundation

/// A small reader and writer of the PDF files cairo 1.16 writes: one classic cross-reference table, objects of
/// generation 0, Flate or unfiltered content streams.
///
/// Objects are parsed only when the finisher asks for them; every other object is copied byte for byte into the
/// output, which is what makes this store several times faster than rewriting the file with qpdf (0.9 ms for a
/// two-page article, most of it in qpdf's writer). A file of another shape (an xref stream, an update, encryption,
/// a cross-reference entry that does not lead to its object) is refused by `init`, and the finisher gives it to
/// qpdf instead. Entries that lead nowhere, as cairo writes for an object it reserved and never wrote, are
/// ignored when nothing refers to them.
final class NativePDF: PDFObjectStore {
    /// Why a file is not one this store reads.
    struct Unsupported: Error {
        var reason: String
    }

    /// One indirect object: where it is in the input, and what it became once read or made.
    final class Object {
        /// The bytes from `n 0 obj` to the next object (nil for a new object).
        let span: Range<Int>?
        /// The object's value once parsed (a stream's dictionary for a stream), or nil while it is only bytes.
        var value: PDFValue?
        /// A stream's data as it is to be written (encoded as its dictionary says), once read or made.
        var data: Data?
        /// The input range of a stream's data, until the data is replaced.
        var originalData: Range<Int>?

        init(span: Range<Int>?) { self.span = span }
    }

    let input: [UInt8]
    var objects: [Int: Object] = [:]
    /// The next number a new object gets.
    var nextNumber: Int
    let trailerBox: PDFDictionaryBox
    /// The pages in order, once found (`appendPages` forgets them).
    var pages: [PDFValue]?
    /// The zlib level of the streams this store compresses.
    var zlibLevel: Int32 = 6
    /// How many threads may compress the file's streams and rewrite its pages.
    var threads = 1
    /// Streams whose bytes other threads are still making, by object number: the batch, and the stream's index in it.
    var deferred: [Int: (batch: DeferredStreams, index: Int)] = [:]
    /// The first problem met by a call that cannot throw; `check()` throws it.
    private var pending: PDFFinishError?

    /// Reads the cross-reference table and trailer of `data`; throws `Unsupported` for a file of another shape.
    init(_ data: Data) throws {
        let input = [UInt8](data)
        self.input = input
        var table: [(number: Int, offset: Int)] = []
        var trailer: PDFDictionaryBox?
        var xrefStart = 0
        try input.withUnsafeBufferPointer { bytes in
            guard let startxref = Self.lastIndex(of: "startxref", in: bytes, within: 1024) else { throw Unsupported(reason: "no startxref") }
            var index = startxref + 9
            PDFSyntax.skipSpace(bytes, &index)
            guard let offset = PDFSyntax.unsigned(bytes, &index), offset < bytes.count, PDFSyntax.isKeyword(bytes, offset, "xref") else {
                throw Unsupported(reason: "no cross-reference table")
            }
            xrefStart = offset
            index = offset + 4
            while true {
                PDFSyntax.skipSpace(bytes, &index)
                if PDFSyntax.isKeyword(bytes, index, "trailer") {
                    index += 7
                    guard case .dictionary(let box) = try PDFSyntax.value(bytes, &index) else { throw Unsupported(reason: "no trailer") }
                    trailer = box
                    break
                }
                guard let first = PDFSyntax.unsigned(bytes, &index) else { throw Unsupported(reason: "a malformed xref subsection") }
                PDFSyntax.skipSpace(bytes, &index)
                guard let count = PDFSyntax.unsigned(bytes, &index), count < 10_000_000 else { throw Unsupported(reason: "a malformed xref subsection") }
                for number in first..<first + count {
                    PDFSyntax.skipSpace(bytes, &index)
                    guard let position = PDFSyntax.unsigned(bytes, &index) else { throw Unsupported(reason: "a malformed xref entry") }
                    PDFSyntax.skipSpace(bytes, &index)
                    guard let generation = PDFSyntax.unsigned(bytes, &index) else { throw Unsupported(reason: "a malformed xref entry") }
                    PDFSyntax.skipSpace(bytes, &index)
                    guard index < bytes.count else { throw Unsupported(reason: "the xref table ends early") }
                    let kind = bytes[index]
                    index += 1
                    guard kind == UInt8(ascii: "n") else { continue }
                    guard generation == 0 else { throw Unsupported(reason: "an object of generation \(generation)") }
                    // An entry must lead to "n 0 obj"; cairo's entry for an object it never wrote does not, and is dropped.
                    var check = position
                    if position < offset, PDFSyntax.unsigned(bytes, &check) == number {
                        PDFSyntax.skipSpace(bytes, &check)
                        if PDFSyntax.unsigned(bytes, &check) == 0 {
                            PDFSyntax.skipSpace(bytes, &check)
                            if PDFSyntax.isKeyword(bytes, check, "obj") { table.append((number, position)) }
                        }
                    }
                }
            }
        }
        guard let trailer else { throw Unsupported(reason: "no trailer") }
        for key in ["/Prev", "/XRefStm", "/Encrypt"] where trailer[key] != nil {
            throw Unsupported(reason: "the trailer has \(key)")
        }
        guard case .reference = trailer["/Root"] else { throw Unsupported(reason: "the trailer names no catalog") }
        trailerBox = trailer
        // Each object runs to the next one (cairo writes them one after another), and must end with endobj.
        table.sort { $0.offset < $1.offset }
        var largest = 0
        var objects: [Int: Object] = [:]
        try input.withUnsafeBufferPointer { bytes in
            for (position, entry) in table.enumerated() {
                let end = position + 1 < table.count ? table[position + 1].offset : xrefStart
                var last = end
                while last > entry.offset, ContentTokenizer.isWhitespace(bytes[last - 1]) { last -= 1 }
                guard last - entry.offset > 6, PDFSyntax.isKeyword(bytes, last - 6, "endobj") else {
                    throw Unsupported(reason: "object \(entry.number) does not end with endobj")
                }
                guard objects[entry.number] == nil else { throw Unsupported(reason: "object \(entry.number) is defined twice") }
                objects[entry.number] = Object(span: entry.offset..<last)
                largest = max(largest, entry.number)
            }
        }
        self.objects = objects
        nextNumber = largest + 1
        // The pages must be found, and their content readable, here: once finishing has begun there is no way back.
        for index in 0..<pageCount {
            for stream in contentStreams(of: page(index)) {
                guard let object = resolveObject(stream), object.data != nil || object.originalData != nil,
                      filters(of: stream).allSatisfy({ $0 == "/FlateDecode" }) else {
                    throw Unsupported(reason: "page \(index + 1) has content that is not a Flate stream")
                }
            }
        }
        if let pending { throw Unsupported(reason: pending.description) }
    }

    /// The index of the last `keyword` within the last `window` bytes.
    private static func lastIndex(of keyword: StaticString, in bytes: UnsafeBufferPointer<UInt8>, within window: Int) -> Int? {
        let count = keyword.utf8CodeUnitCount
        var index = bytes.count - count
        while index >= max(0, bytes.count - window) {
            if keyword.withUTF8Buffer({ expected in (0..<count).allSatisfy { bytes[index + $0] == expected[$0] } }) { return index }
            index -= 1
        }
        return nil
    }

    // MARK: Objects

    /// The object `number`, parsed if it was not yet; nil when there is none or it cannot be read (then pending).
    func resolveObject(_ handle: PDFValue) -> Object? {
        guard case .reference(let number) = handle, let object = objects[number] else { return nil }
        if object.value == nil, let span = object.span {
            do {
                try parse(object, span: span)
            } catch {
                fail("object \(number) cannot be read: \(error)")
                object.value = .null
            }
        }
        return object
    }

    private func parse(_ object: Object, span: Range<Int>) throws {
        try input.withUnsafeBufferPointer { bytes in
            var index = span.lowerBound
            PDFSyntax.skipObjectHeader(bytes, &index)
            let value = try PDFSyntax.value(bytes, &index)
            PDFSyntax.skipSpace(bytes, &index)
            if PDFSyntax.isKeyword(bytes, index, "stream") {
                guard case .dictionary(let dictionary) = value else { throw PDFSyntax.Failure(message: "a stream without a dictionary", offset: index) }
                index += 6
                if index < bytes.count, bytes[index] == 13 { index += 1 }
                if index < bytes.count, bytes[index] == 10 { index += 1 }
                var length = -1
                switch dictionary["/Length"] {
                case .integer(let number)?: length = number
                case .reference? : length = resolve(dictionary["/Length"]!).flatMap { if case .integer(let number) = $0 { number } else { nil } } ?? -1
                default: break
                }
                guard length >= 0, index + length <= span.upperBound else { throw PDFSyntax.Failure(message: "a stream's /Length is wrong", offset: index) }
                var end = index + length
                PDFSyntax.skipSpace(bytes, &end)
                guard PDFSyntax.isKeyword(bytes, end, "endstream") else { throw PDFSyntax.Failure(message: "a stream's /Length is wrong", offset: index) }
                object.originalData = index..<index + length
            }
            object.value = value
        }
    }

    /// `handle` with references followed.
    func resolve(_ handle: PDFValue) -> PDFValue? {
        var value = handle
        for _ in 0..<32 {
            guard case .reference = value else { return value }
            guard let object = resolveObject(value) else { return nil }
            value = object.value ?? .null
        }
        return nil
    }

    /// The dictionary of `handle` (a dictionary, or a stream's), or nil.
    private func dictionaryBox(_ handle: PDFValue) -> PDFDictionaryBox? {
        if case .dictionary(let box)? = resolve(handle) { return box }
        return nil
    }

    private func fail(_ message: String) {
        if pending == nil { pending = .qpdf("(native reader) \(message)") }
    }

    /// The `/Filter` names of a stream, in order.
    private func filters(of stream: PDFValue) -> [String] {
        switch resolve(get(stream, "/Filter")) {
        case .name(let name)?: [name]
        case .array(let box)?: box.items.compactMap { if case .name(let name)? = resolve($0) { name } else { nil } }
        default: []
        }
    }

    private func contentStreams(of page: PDFValue) -> [PDFValue] {
        let contents = get(page, "/Contents")
        if case .array(let box)? = resolve(contents) { return box.items }
        return isNull(contents) ? [] : [contents]
    }

    /// A stream's bytes as the file holds them: where they are and whether they are Flate-compressed. Finding them
    /// parses objects, which only one thread may do; decoding them (`decoded`) reads nothing else and may run on any.
    struct StoredStream: Sendable {
        /// Where the bytes are in the input, while the stream is unchanged.
        var range: Range<Int>?
        /// The bytes, once the stream was changed.
        var data: Data?
        /// Whether the bytes are Flate-compressed (the only filter read here).
        var compressed: Bool

        /// The stream's data with its filter undone.
        func decoded(in input: UnsafeBufferPointer<UInt8>) throws -> [UInt8] {
            if let range {
                let bytes = UnsafeBufferPointer(rebasing: input[range])
                return compressed ? try Flate.inflate(bytes) : Array(bytes)
            }
            guard let data else { return [] }
            return compressed ? try data.withUnsafeBytes { try Flate.inflate($0.bindMemory(to: UInt8.self)) } : Array(data)
        }

        /// A page's content: its streams decoded and joined by line feeds.
        static func pageContent(_ streams: [StoredStream], in input: UnsafeBufferPointer<UInt8>) throws -> [UInt8] {
            var content: [UInt8] = []
            for (position, stream) in streams.enumerated() {
                if position > 0 { content.append(10) }
                content.append(contentsOf: try stream.decoded(in: input))
            }
            return content
        }
    }

    /// Where `stream`'s bytes are; throws for a filter other than Flate without parameters.
    func storedStream(_ stream: PDFValue) throws -> StoredStream {
        guard let object = resolveObject(stream), object.originalData != nil || object.data != nil else {
            return StoredStream(range: nil, data: nil, compressed: false)
        }
        let filters = filters(of: stream)
        guard filters.isEmpty || (filters == ["/FlateDecode"] && isNull(get(stream, "/DecodeParms"))) else {
            throw PDFFinishError.qpdf("(native reader) a stream filtered with \(filters.joined(separator: " ")) cannot be decoded")
        }
        return StoredStream(range: object.data == nil ? object.originalData : nil, data: object.data, compressed: !filters.isEmpty)
    }

    private func decodedData(_ stream: PDFValue) throws -> [UInt8] {
        let stored = try storedStream(stream)
        return try input.withUnsafeBufferPointer { try stored.decoded(in: $0) }
    }

    // MARK: PDFObjectStore: reading

    var root: PDFValue { trailerBox["/Root"] ?? .null }
    var trailer: PDFValue { .dictionary(trailerBox) }

    var pageCount: Int { pageList().count }

    func page(_ index: Int) -> PDFValue { pageList()[index] }

    func pageList() -> [PDFValue] {
        if let pages { return pages }
        var found: [PDFValue] = []
        var visited = Set<Int>()
        func walk(_ node: PDFValue, depth: Int) {
            guard depth < 64 else { return }
            if case .reference(let number) = node, !visited.insert(number).inserted { return }
            if isName(get(node, "/Type"), "/Page") || (!has(node, "/Kids") && has(node, "/Contents")) {
                found.append(node)
                return
            }
            for kid in items(get(node, "/Kids")) { walk(kid, depth: depth + 1) }
        }
        walk(get(root, "/Pages"), depth: 0)
        pages = found
        return found
    }

    func withPageContent<T>(_ page: PDFValue, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) throws -> T {
        let streams = try contentStreams(of: page).map(storedStream)
        let content = try input.withUnsafeBufferPointer { try StoredStream.pageContent(streams, in: $0) }
        return try content.withUnsafeBufferPointer(body)
    }

    /// Objects not yet read are searched for `key` as bytes, so that only those that may hold it are parsed.
    func forEachStream(mentioning key: String, _ body: (PDFValue) -> Void) {
        let needle = Array(key.utf8)
        for number in objects.keys.sorted() {
            guard let object = objects[number] else { continue }
            if object.value == nil, let span = object.span {
                let found = input.withUnsafeBufferPointer { bytes in
                    Self.contains(needle, in: bytes, range: span)
                }
                guard found else { continue }
            }
            let handle = PDFValue.reference(number)
            if isStream(handle) { body(handle) }
        }
    }

    /// Whether `needle` occurs in `bytes[range]` before a `stream` keyword (data is not searched).
    private static func contains(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Bool {
        guard let first = needle.first else { return false }
        var index = range.lowerBound
        let last = range.upperBound - needle.count
        while index <= last {
            let byte = bytes[index]
            if byte == first, (1..<needle.count).allSatisfy({ bytes[index + $0] == needle[$0] }) { return true }
            if byte == UInt8(ascii: "s"), PDFSyntax.isKeyword(bytes, index, "stream"), index > range.lowerBound,
               !ContentTokenizer.isRegular(bytes[index - 1]) {
                return false
            }
            index += 1
        }
        return false
    }

    func get(_ object: PDFValue, _ key: String) -> PDFValue { dictionaryBox(object)?[key] ?? .null }
    func has(_ object: PDFValue, _ key: String) -> Bool { dictionaryBox(object)?[key] != nil }

    func isName(_ object: PDFValue, _ name: String) -> Bool {
        if case .name(let value)? = resolve(object) { return value == name }
        return false
    }

    func isDictionary(_ object: PDFValue) -> Bool { dictionaryBox(object) != nil && !isStream(object) }

    func isStream(_ object: PDFValue) -> Bool {
        guard let resolved = resolveObject(object) else { return false }
        return resolved.originalData != nil || resolved.data != nil
    }

    func isNull(_ object: PDFValue) -> Bool {
        if case .null? = resolve(object) { return true }
        return resolve(object) == nil
    }

    func items(_ object: PDFValue) -> [PDFValue] {
        if case .array(let box)? = resolve(object) { return box.items }
        return []
    }

    func integer(_ object: PDFValue) -> Int? {
        if case .integer(let value)? = resolve(object) { return value }
        return nil
    }

    func name(of object: PDFValue) -> String? {
        if case .name(let value)? = resolve(object) { return value }
        return nil
    }

    func text(of object: PDFValue) -> String? {
        guard case .string(let bytes)? = resolve(object) else { return nil }
        return PDFText.decode(bytes)
    }

    func streamData(_ stream: PDFValue) throws -> Data { Data(try decodedData(stream)) }

    func check() throws {
        if let pending { throw pending }
    }

    // MARK: PDFObjectStore: making and changing

    func name(_ value: String) -> PDFValue { .name(value) }
    func integer(_ value: Int) -> PDFValue { .integer(value) }
    func boolean(_ value: Bool) -> PDFValue { .boolean(value) }
    func null() -> PDFValue { .null }
    func text(_ value: String) -> PDFValue { .string(PDFText.encode(value)) }
    func bytes(_ value: String) -> PDFValue { .string(Array(value.utf8)) }
    func array(_ items: [PDFValue]) -> PDFValue { .array(PDFArrayBox(items)) }

    func dictionary(_ entries: KeyValuePairs<String, PDFValue>) -> PDFValue {
        .dictionary(PDFDictionaryBox(entries.map { ($0.key, $0.value) }))
    }

    func indirect(_ object: PDFValue) -> PDFValue {
        let made = Object(span: nil)
        made.value = object
        objects[nextNumber] = made
        nextNumber += 1
        return .reference(nextNumber - 1)
    }

    func stream(_ data: some ContiguousBytes, _ entries: KeyValuePairs<String, PDFValue>) -> PDFValue {
        let dictionary = PDFDictionaryBox(entries.map { ($0.key, $0.value) })
        let bytes = data.withUnsafeBytes { [UInt8]($0) }
        let made = Object(span: nil)
        made.value = .dictionary(dictionary)
        // XMP stays readable as text, as PDF/A readers expect and qpdf writes it.
        if case .name("/Metadata")? = dictionary["/Type"] {
            made.data = Data(bytes)
        } else {
            made.data = Data(Flate.deflate(bytes, level: zlibLevel))
            dictionary["/Filter"] = .name("/FlateDecode")
        }
        objects[nextNumber] = made
        nextNumber += 1
        return .reference(nextNumber - 1)
    }

    func streams(_ data: [[UInt8]], threads: Int) throws -> [PDFValue] {
        let level = zlibLevel
        let compressed = try ParallelMap.map(count: data.count, threads: threads) { Data(Flate.deflate(data[$0], level: level)) }
        return compressed.map { bytes in
            let made = Object(span: nil)
            made.value = .dictionary(PDFDictionaryBox([("/Filter", .name("/FlateDecode"))]))
            made.data = bytes
            objects[nextNumber] = made
            nextNumber += 1
            return .reference(nextNumber - 1)
        }
    }

    func deferredStreams(startingWith order: [Int], threads: Int, _ make: @escaping @Sendable (Int) throws -> DeferredStream) throws -> [PDFValue] {
        let batch = DeferredStreams(startingWith: order, threads: threads, level: zlibLevel, make)
        return order.indices.map { index in
            let made = Object(span: nil)
            made.value = .dictionary(PDFDictionaryBox([("/Filter", .name("/FlateDecode"))]))
            objects[nextNumber] = made
            deferred[nextNumber] = (batch, index)
            nextNumber += 1
            return .reference(nextNumber - 1)
        }
    }

    func replaceContent(of page: PDFValue, with content: [UInt8]) {
        install(Data(Flate.deflate(content, level: zlibLevel)), asContentOf: page)
    }

    func rewritePageContents<T: Sendable>(threads: Int, _ rewrite: @escaping @Sendable (Int, UnsafeBufferPointer<UInt8>) -> ([UInt8], T)) throws -> [T] {
        // Reading an object parses and keeps it, which only one thread may do: the streams are found here, and only
        // their bytes go to the other threads.
        let pages = pageList()
        let streamsOfPages = try pages.map { try contentStreams(of: $0).map(storedStream) }
        try check()
        let input = self.input
        let level = zlibLevel
        let results = try ParallelMap.map(count: pages.count, threads: threads) { index -> (Data, T) in
            let content = try input.withUnsafeBufferPointer { try StoredStream.pageContent(streamsOfPages[index], in: $0) }
            let (rewritten, extra) = content.withUnsafeBufferPointer { rewrite(index, $0) }
            return (Data(Flate.deflate(rewritten, level: level)), extra)
        }
        for (page, result) in zip(pages, results) { install(result.0, asContentOf: page) }
        return results.map(\.1)
    }

    /// Makes the compressed `compressed` the page's only content stream.
    private func install(_ compressed: Data, asContentOf page: PDFValue) {
        let streams = contentStreams(of: page)
        if streams.count == 1, let object = resolveObject(streams[0]), let box = dictionaryBox(streams[0]) {
            object.data = compressed
            object.originalData = nil
            box["/Filter"] = .name("/FlateDecode")
            box["/DecodeParms"] = nil
            return
        }
        let made = Object(span: nil)
        made.value = .dictionary(PDFDictionaryBox([("/Filter", .name("/FlateDecode"))]))
        made.data = compressed
        objects[nextNumber] = made
        set(page, "/Contents", .reference(nextNumber))
        nextNumber += 1
    }

    func set(_ object: PDFValue, _ key: String, _ value: PDFValue) {
        if case .null = value { return remove(object, key) }
        guard let box = dictionaryBox(object) else { return fail("a key was set on something that is not a dictionary") }
        box[key] = value
    }

    func remove(_ object: PDFValue, _ key: String) {
        dictionaryBox(object)?[key] = nil
    }

    func append(_ array: PDFValue, _ item: PDFValue) {
        guard case .array(let box)? = resolve(array) else { return fail("an item was appended to something that is not an array") }
        box.items.append(item)
    }

    func insert(_ array: PDFValue, at index: Int, _ item: PDFValue) {
        guard case .array(let box)? = resolve(array) else { return fail("an item was inserted into something that is not an array") }
        box.items.insert(item, at: min(index, box.items.count))
    }

    func write() throws -> Data {
        try check()
        return try NativePDFWriter(document: self).write()
    }
}

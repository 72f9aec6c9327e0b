import Foundation

/// The PDF objects a finishing step reads and changes, whichever library holds them.
///
/// Two stores implement it: `NativePDF`, a small reader and writer of the PDF files cairo 1.16 writes, fast
/// because it copies every object it was not asked about byte for byte; and `QPDFDocument`, libqpdf, which reads
/// any PDF and is used when a file is not one `NativePDF` knows. Handles follow qpdf's rules: keys include their
/// slash, a handle to an indirect object reads and changes that object, and dictionaries and arrays made here are
/// direct until `indirect` is called.
protocol PDFObjectStore: AnyObject {
    /// A reference to an object of the store.
    associatedtype Handle

    /// The document catalog.
    var root: Handle { get }
    /// The trailer dictionary.
    var trailer: Handle { get }
    /// The number of pages.
    var pageCount: Int { get }
    /// The page at zero-based `index`.
    func page(_ index: Int) -> Handle
    /// Calls `body` with the page's content (all its streams, decoded).
    func withPageContent<T>(_ page: Handle, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) throws -> T
    /// Makes `content` the page's only content stream.
    func replaceContent(of page: Handle, with content: [UInt8])
    /// Replaces every page's content with what `rewrite` makes of it (given the page's index and its content
    /// decoded), on up to `threads` threads, and returns the second half of each call's result in page order.
    func rewritePageContents<T: Sendable>(threads: Int, _ rewrite: @escaping @Sendable (Int, UnsafeBufferPointer<UInt8>) -> ([UInt8], T)) throws -> [T]
    /// Calls `body` with every stream of the file whose dictionary may have `key` (a superset of those that do).
    func forEachStream(mentioning key: String, _ body: (Handle) -> Void)

    /// The value of `key` in the dictionary or stream `object`; null when absent.
    func get(_ object: Handle, _ key: String) -> Handle
    /// Whether the dictionary or stream `object` has `key`.
    func has(_ object: Handle, _ key: String) -> Bool
    /// Whether `object` is the name `name` (slash included).
    func isName(_ object: Handle, _ name: String) -> Bool
    /// Whether `object` is a dictionary.
    func isDictionary(_ object: Handle) -> Bool
    /// Whether `object` is a stream.
    func isStream(_ object: Handle) -> Bool
    /// The items of the array `object` (empty when it is not one).
    func items(_ object: Handle) -> [Handle]
    /// The integer `object`, or nil.
    func integer(_ object: Handle) -> Int?
    /// The name `object` (slash included), or nil.
    func name(of object: Handle) -> String?
    /// The text string `object`, decoded, or nil.
    func text(of object: Handle) -> String?
    /// The stream's data with its general-purpose filters undone.
    func streamData(_ stream: Handle) throws -> Data

    /// A new name (`"/Type"`).
    func name(_ value: String) -> Handle
    /// A new integer.
    func integer(_ value: Int) -> Handle
    /// A new boolean.
    func boolean(_ value: Bool) -> Handle
    /// A new null.
    func null() -> Handle
    /// A new text string.
    func text(_ value: String) -> Handle
    /// A new byte string of `value`'s UTF-8 bytes.
    func bytes(_ value: String) -> Handle
    /// A new array.
    func array(_ items: [Handle]) -> Handle
    /// A new dictionary.
    func dictionary(_ entries: KeyValuePairs<String, Handle>) -> Handle
    /// `object` made an indirect object.
    func indirect(_ object: Handle) -> Handle
    /// A new stream of `data` (compressed when written) with the dictionary entries `entries`.
    func stream(_ data: some ContiguousBytes, _ entries: KeyValuePairs<String, Handle>) -> Handle
    /// New streams of `data` with nothing in their dictionaries yet, compressed side by side on up to `threads`
    /// threads where the store can (each piece alone, so the bytes do not depend on the threads).
    func streams(_ data: [[UInt8]], threads: Int) throws -> [Handle]
    /// New streams whose bytes `make` gives for each index of `order`, started in that order on up to `threads`
    /// threads and returned by index; a store that can makes them while it goes on and writes them last, and throws
    /// what `make` threw when it writes the file.
    func deferredStreams(startingWith order: [Int], threads: Int, _ make: @escaping @Sendable (Int) throws -> DeferredStream) throws -> [Handle]
    /// Sets `key` of the dictionary or stream `object`.
    func set(_ object: Handle, _ key: String, _ value: Handle)
    /// Removes `key` from the dictionary or stream `object`.
    func remove(_ object: Handle, _ key: String)
    /// Appends `item` to `array`.
    func append(_ array: Handle, _ item: Handle)
    /// Inserts `item` into `array` at `index`.
    func insert(_ array: Handle, at index: Int, _ item: Handle)

    /// Throws the store's pending error, if any.
    func check() throws
    /// The finished file: deterministic (its ID derived from its content), PDF 1.7.
    func write() throws -> Data
}

extension PDFObjectStore {
    /// One stream after another: for a store that compresses when it writes (qpdf).
    func streams(_ data: [[UInt8]], threads: Int) throws -> [Handle] {
        data.map { stream($0, [:]) }
    }

    /// The streams made now, side by side, and put in the store at once: for a store that cannot wait for them
    /// (qpdf).
    func deferredStreams(startingWith order: [Int], threads: Int, _ make: @escaping @Sendable (Int) throws -> DeferredStream) throws -> [Handle] {
        let streams = try ParallelMap.map(startingWith: order, threads: threads, make)
        let handles = try self.streams(streams.map(\.bytes), threads: threads)
        for (handle, stream) in zip(handles, streams) {
            for entry in stream.integers { set(handle, entry.key, integer(entry.value)) }
        }
        return handles
    }

    /// One page after another, through `withPageContent` and `replaceContent`: for a store whose objects cannot be
    /// read from several threads (qpdf), and which compresses when it writes anyway.
    func rewritePageContents<T: Sendable>(threads: Int, _ rewrite: @escaping @Sendable (Int, UnsafeBufferPointer<UInt8>) -> ([UInt8], T)) throws -> [T] {
        try (0..<pageCount).map { index in
            let page = self.page(index)
            let (bytes, extra) = try withPageContent(page) { rewrite(index, $0) }
            replaceContent(of: page, with: bytes)
            return extra
        }
    }
}

import CQPDF
import Foundation

/// A PDF held by libqpdf's C API, with object handles made and changed through small Swift helpers.
///
/// qpdf reports errors of object calls by a flag rather than a return value, so callers run a step and then call
/// `check()`, which turns the pending error into a thrown `PDFFinishError.qpdf` with qpdf's words. Not thread-safe:
/// one document per call.
final class QPDFDocument: PDFObjectStore {
    /// qpdf's state for this document.
    let handle: qpdf_data
    /// The file's bytes: qpdf reads them in place, so they live as long as the document.
    private var input: UnsafeMutableRawBufferPointer?

    /// Opens `data` (whose name in messages is `description`); qpdf's warnings (cairo's stray xref entry) are kept
    /// quiet, its errors thrown.
    init(_ data: Data, description: String = "PDF") throws {
        // libqpdf is opened on first use (see CQPDF): a system without it gets an error here, not a crash later.
        guard galley_qpdf_load() != 0 else { throw PDFFinishError.qpdf(String(cString: galley_qpdf_error())) }
        handle = qpdf_init()
        qpdf_silence_errors(handle)
        qpdf_set_suppress_warnings(handle, 1)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(data.count, 1), alignment: 1)
        data.copyBytes(to: buffer)
        input = buffer
        let status = qpdf_read_memory(handle, description, buffer.baseAddress!.assumingMemoryBound(to: CChar.self),
                                      UInt64(data.count), nil)
        if status & QPDF_ERRORS != 0 { try check() }
        drainWarnings()
    }

    deinit {
        var state: qpdf_data? = handle
        qpdf_cleanup(&state)
        input?.deallocate()
    }

    /// Throws qpdf's pending error, if any.
    func check() throws {
        guard qpdf_has_error(handle) != 0, let error = qpdf_get_error(handle) else { return }
        let text = qpdf_get_error_full_text(handle, error).map { String(cString: $0) } ?? "unknown error"
        throw PDFFinishError.qpdf(text)
    }

    /// Forgets the warnings qpdf gathered (reading cairo's files gives some that do not matter).
    func drainWarnings() {
        while qpdf_more_warnings(handle) != 0 { _ = qpdf_next_warning(handle) }
    }

    // MARK: Reading

    /// The document catalog.
    var root: qpdf_oh { qpdf_get_root(handle) }
    /// The trailer dictionary.
    var trailer: qpdf_oh { qpdf_get_trailer(handle) }

    /// The number of pages.
    var pageCount: Int { Int(qpdf_get_num_pages(handle)) }

    /// The page at zero-based `index`.
    func page(_ index: Int) -> qpdf_oh { qpdf_get_page_n(handle, index) }

    /// The value of `key` (`/Type`) in the dictionary or stream dictionary `object`; null when absent.
    func get(_ object: qpdf_oh, _ key: String) -> qpdf_oh { qpdf_oh_get_key(handle, dictionary(of: object), key) }

    /// Whether the dictionary or stream dictionary `object` has `key`.
    func has(_ object: qpdf_oh, _ key: String) -> Bool { qpdf_oh_has_key(handle, dictionary(of: object), key) != 0 }

    /// The dictionary of `object` when it is a stream (qpdf's key functions see only dictionaries), else `object`.
    private func dictionary(of object: qpdf_oh) -> qpdf_oh {
        qpdf_oh_is_stream(handle, object) != 0 ? qpdf_oh_get_dict(handle, object) : object
    }

    /// Whether `object` is the name `name` (slash included).
    func isName(_ object: qpdf_oh, _ name: String) -> Bool { qpdf_oh_is_name_and_equals(handle, object, name) != 0 }

    /// Whether `object` is a dictionary.
    func isDictionary(_ object: qpdf_oh) -> Bool { qpdf_oh_is_dictionary(handle, object) != 0 }

    /// Whether `object` is an array.
    func isArray(_ object: qpdf_oh) -> Bool { qpdf_oh_is_array(handle, object) != 0 }

    /// Whether `object` is a stream.
    func isStream(_ object: qpdf_oh) -> Bool { qpdf_oh_is_stream(handle, object) != 0 }

    /// Whether `object` is null (or absent).
    func isNull(_ object: qpdf_oh) -> Bool { qpdf_oh_is_null(handle, object) != 0 }

    /// The items of the array `object` (empty when it is not one).
    func items(_ object: qpdf_oh) -> [qpdf_oh] {
        let count = Int(qpdf_oh_get_array_n_items(handle, object))
        return (0..<count).map { qpdf_oh_get_array_item(handle, object, Int32($0)) }
    }

    /// The integer `object`, or nil when it is not one.
    func integer(_ object: qpdf_oh) -> Int? {
        var value: Int64 = 0
        return qpdf_oh_get_value_as_longlong(handle, object, &value) != 0 ? Int(value) : nil
    }

    /// The name `object` (slash included), or nil.
    func name(of object: qpdf_oh) -> String? {
        var pointer: UnsafePointer<CChar>?
        var length = 0
        guard qpdf_oh_get_value_as_name(handle, object, &pointer, &length) != 0, let pointer else { return nil }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    /// The text string `object` as UTF-8 (PDFDocEncoding and UTF-16 decoded), or nil.
    func text(of object: qpdf_oh) -> String? {
        var pointer: UnsafePointer<CChar>?
        var length = 0
        guard qpdf_oh_get_value_as_utf8(handle, object, &pointer, &length) != 0, let pointer else { return nil }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    /// The stream's data decoded with `level` (general filters such as Flate by default).
    func streamData(_ stream: qpdf_oh) throws -> Data {
        try streamData(stream, level: qpdf_dl_generalized)
    }

    /// The stream's data decoded with `level`.
    func streamData(_ stream: qpdf_oh, level: qpdf_stream_decode_level_e) throws -> Data {
        var buffer: UnsafeMutablePointer<UInt8>?
        var length = 0
        var filtered: Int32 = 0
        _ = qpdf_oh_get_stream_data(handle, stream, level, &filtered, &buffer, &length)
        defer { free(buffer) }
        try check()
        guard let buffer else { return Data() }
        return Data(bytes: buffer, count: length)
    }

    /// Calls `body` with the page's content (all its streams, decoded), freed after.
    func withPageContent<T>(_ page: qpdf_oh, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) throws -> T {
        var buffer: UnsafeMutablePointer<UInt8>?
        var length = 0
        _ = qpdf_oh_get_page_content_data(handle, page, &buffer, &length)
        defer { free(buffer) }
        try check()
        return try body(UnsafeBufferPointer(start: buffer, count: buffer == nil ? 0 : length))
    }

    /// Makes `content` the page's only content stream (written with Flate).
    func replaceContent(of page: qpdf_oh, with content: [UInt8]) {
        let contents = get(page, "/Contents")
        if isStream(contents) {
            replaceData(of: contents, with: content)
        } else {
            set(page, "/Contents", stream(content, [:]))
        }
    }

    /// Calls `body` with every stream of the file, found by object number up to the trailer's `/Size` (all of
    /// them: qpdf has no cheaper way to find those that mention `key`).
    func forEachStream(mentioning key: String, _ body: (qpdf_oh) -> Void) {
        let size = integer(get(trailer, "/Size")) ?? 0
        for number in 1..<max(1, size) {
            let object = qpdf_get_object_by_id(handle, Int32(number), 0)
            if isStream(object) { body(object) }
        }
        // Objects cairo's xref names wrongly give warnings, not errors, when asked for.
        drainWarnings()
    }

    // MARK: Making objects

    /// A new name object (`"/Type"`).
    func name(_ value: String) -> qpdf_oh { qpdf_oh_new_name(handle, value) }
    /// A new integer object.
    func integer(_ value: Int) -> qpdf_oh { qpdf_oh_new_integer(handle, Int64(value)) }
    /// A new boolean object.
    func boolean(_ value: Bool) -> qpdf_oh { qpdf_oh_new_bool(handle, value ? 1 : 0) }
    /// A new null object.
    func null() -> qpdf_oh { qpdf_oh_new_null(handle) }

    /// A new text string: PDFDocEncoding when it fits, UTF-16BE otherwise (NULs, which C strings cannot carry, dropped).
    func text(_ value: String) -> qpdf_oh {
        let clean = value.utf8.contains(0) ? value.replacingOccurrences(of: "\0", with: "") : value
        return qpdf_oh_new_unicode_string(handle, clean)
    }

    /// A new byte string holding `value`'s UTF-8 bytes as they are.
    func bytes(_ value: String) -> qpdf_oh {
        var value = value
        return value.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { qpdf_oh_new_binary_string(handle, $0.baseAddress, $0.count) }
        }
    }

    /// A new array of `items`.
    func array(_ items: [qpdf_oh]) -> qpdf_oh {
        let array = qpdf_oh_new_array(handle)
        for item in items { qpdf_oh_append_item(handle, array, item) }
        return array
    }

    /// A new dictionary of `entries` (keys with their slash).
    func dictionary(_ entries: KeyValuePairs<String, qpdf_oh>) -> qpdf_oh {
        let dictionary = qpdf_oh_new_dictionary(handle)
        for (key, value) in entries { qpdf_oh_replace_key(handle, dictionary, key, value) }
        return dictionary
    }

    /// `object` made an indirect object; the handle returned refers to it.
    func indirect(_ object: qpdf_oh) -> qpdf_oh { qpdf_make_indirect_object(handle, object) }

    /// A new stream holding `data` unfiltered (the writer compresses it) with the dictionary entries `entries`.
    func stream(_ data: some ContiguousBytes, _ entries: KeyValuePairs<String, qpdf_oh>) -> qpdf_oh {
        let stream = qpdf_oh_new_stream(handle)
        replaceData(of: stream, with: data)
        let dictionary = qpdf_oh_get_dict(handle, stream)
        for (key, value) in entries { qpdf_oh_replace_key(handle, dictionary, key, value) }
        return stream
    }

    /// Replaces the stream's data with `data`, unfiltered (the writer compresses it).
    func replaceData(of stream: qpdf_oh, with data: some ContiguousBytes) {
        let null = qpdf_oh_new_null(handle)
        data.withUnsafeBytes { buffer in
            qpdf_oh_replace_stream_data(handle, stream, buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), buffer.count, null, null)
        }
    }

    /// Sets `key` of the dictionary (or stream's dictionary) `object` to `value`.
    func set(_ object: qpdf_oh, _ key: String, _ value: qpdf_oh) {
        qpdf_oh_replace_key(handle, dictionary(of: object), key, value)
    }

    /// Removes `key` from the dictionary `object`.
    func remove(_ object: qpdf_oh, _ key: String) {
        qpdf_oh_remove_key(handle, dictionary(of: object), key)
    }

    /// Appends `item` to the array `array`.
    func append(_ array: qpdf_oh, _ item: qpdf_oh) { qpdf_oh_append_item(handle, array, item) }

    /// Inserts `item` into `array` at `index`.
    func insert(_ array: qpdf_oh, at index: Int, _ item: qpdf_oh) { qpdf_oh_insert_item(handle, array, Int32(index), item) }

    // MARK: Writing

    /// The document written deterministically (the ID derived from the content) as PDF 1.7 or later, every stream
    /// with only general-purpose filters compressed again with Flate (images keep their own), without object streams
    /// (they make the file smaller but take qpdf's writer 0.7 ms more for a two-page article).
    func write() throws -> Data {
        try write(objectStreams: false)
    }

    /// The document written as `write()` does, with small objects in object streams when `objectStreams` is set.
    func write(objectStreams: Bool) throws -> Data {
        _ = qpdf_init_write_memory(handle)
        try check()
        qpdf_set_object_stream_mode(handle, objectStreams ? qpdf_o_generate : qpdf_o_disable)
        qpdf_set_compress_streams(handle, 1)
        // Streams are inflated and compressed again: cairo writes a tagged document's streams stored (zlib level 0)
        // for the finish to compress, and qpdf otherwise keeps a Flate stream's bytes as they are.
        qpdf_set_decode_level(handle, qpdf_dl_generalized)
        qpdf_set_deterministic_ID(handle, 1)
        qpdf_set_minimum_pdf_version(handle, "1.7")
        let status = qpdf_write(handle)
        if status & QPDF_ERRORS != 0 || qpdf_has_error(handle) != 0 { try check() }
        drainWarnings()
        let length = qpdf_get_buffer_length(handle)
        guard let buffer = qpdf_get_buffer(handle) else { throw PDFFinishError.qpdf("the written file is empty") }
        return Data(bytes: buffer, count: length)
    }
}

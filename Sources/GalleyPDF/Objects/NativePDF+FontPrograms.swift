import CFontSubset
import Foundation

/// The embedded CFF font programs, made smaller where cairo left them large.
extension NativePDF {
    /// Subsets every CID-keyed CFF font program (`/FontFile3` of `/Subtype /CIDFontType0C`) again, with harfbuzz,
    /// over all of its glyphs and with their numbers kept, and puts it in place of cairo's when it is smaller.
    ///
    /// cairo 1.16 drops a CFF font's unused subroutines only when its own charstring reader follows every glyph; for
    /// Noto Serif CJK it does not, and each subset carries all 26,000 local subroutines of the font. The glyphs'
    /// outlines, widths and numbers stay as they are (the page content names glyphs by number); only what no glyph
    /// calls goes. A program harfbuzz cannot read, or that libharfbuzz-subset is missing for, is left as cairo wrote
    /// it. The programs are subset side by side on the store's threads, and each result is the same on any thread.
    func compactFontPrograms() throws {
        var targets: [(handle: PDFValue, stream: StoredStream)] = []
        forEachStream(mentioning: "/CIDFontType0C") { handle in
            guard isName(get(handle, "/Subtype"), "/CIDFontType0C"), let stream = try? storedStream(handle) else { return }
            targets.append((handle, stream))
        }
        try check()
        guard !targets.isEmpty else { return }
        let input = self.input
        let streams = targets.map(\.stream)
        let level = zlibLevel
        let smaller = try ParallelMap.map(count: streams.count, threads: threads) { index -> Data? in
            guard let program = try? input.withUnsafeBufferPointer({ try streams[index].decoded(in: $0) }),
                  let subset = Self.resubset(program), subset.count < program.count else { return nil }
            return Data(Flate.deflate(subset, level: level))
        }
        for (target, data) in zip(targets, smaller) {
            guard let data, let object = resolveObject(target.handle), case .dictionary(let box)? = object.value else { continue }
            object.data = data
            object.originalData = nil
            box["/Filter"] = .name("/FlateDecode")
            box["/DecodeParms"] = nil
        }
    }

    /// `program` subset again by harfbuzz over all its glyphs, numbers kept; nil when it cannot be.
    static func resubset(_ program: [UInt8]) -> [UInt8]? {
        var length = 0
        guard let bytes = program.withUnsafeBufferPointer({ galley_cff_resubset($0.baseAddress, $0.count, &length) }) else { return nil }
        defer { free(bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: length))
    }
}

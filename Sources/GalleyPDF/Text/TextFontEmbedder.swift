import CFontSubset
import Foundation

/// Embeds the faces whose text Galley wrote itself: one subset of each face for the whole document, cut by harfbuzz
/// from the font file over the glyphs every part shows, and for each part a font of its own naming that program,
/// with the part's ToUnicode map (each part maps a glyph to the text it first showed it for), put in its pages'
/// resources.
struct TextFontEmbedder<Store: PDFObjectStore> {
    /// The document the fonts go into.
    let document: Store

    /// A face of the document: its description and the glyphs all parts show of it.
    private struct Face {
        var face: EmbeddedFace
        var glyphs: Set<UInt32> = []
        var widths: [UInt16: Int] = [:]
    }

    /// Embeds the fonts of `parts`, each the text of the pages from `firstPage` on, subsetting on up to `threads`
    /// threads; throws naming the font file whose program harfbuzz cannot subset.
    func embed(_ parts: [(firstPage: Int, text: PartText)], threads: Int) throws {
        var faces: [Face] = []
        var faceIndex: [EmbeddedFace: Int] = [:]
        for part in parts {
            for use in part.text.fonts {
                let index: Int
                if let known = faceIndex[use.face] {
                    index = known
                } else {
                    index = faces.count
                    faceIndex[use.face] = index
                    faces.append(Face(face: use.face))
                }
                faces[index].glyphs.formUnion(use.glyphs)
                faces[index].widths.merge(use.widths) { first, _ in first }
            }
        }
        guard !faces.isEmpty else { return }

        let jobs = faces.map { ($0.face, $0.glyphs.sorted()) }
        // The costliest subsets start first, so that no thread is left with a large one at the end: a CID-keyed CFF
        // face (Noto CJK) costs about 25 µs a glyph, a TrueType face a small fraction of that.
        let order = jobs.indices.sorted { left, right in
            let (leftCFF, rightCFF) = (jobs[left].0.program == .cidCFF, jobs[right].0.program == .cidCFF)
            if leftCFF != rightCFF { return leftCFF }
            return jobs[left].1.count != jobs[right].1.count ? jobs[left].1.count > jobs[right].1.count : left < right
        }
        // The programs are subset (and compressed) on threads of their own while the rest of the document is
        // finished; a store that can writes them last (`deferredStreams`).
        let files = try document.deferredStreams(startingWith: order, threads: threads) { index in
            let (face, glyphs) = jobs[index]
            var length = 0
            let bytes = glyphs.withUnsafeBufferPointer { buffer in
                galley_font_subset(face.file, UInt32(face.index), buffer.baseAddress, buffer.count, face.program == .cidCFF ? 0 : 1,
                                   face.program == .trueType ? 0 : 1, &length)
            }
            guard let bytes else {
                throw PDFFinishError.unreadableFile(path: face.file, reason: "harfbuzz cannot subset its face \(face.index) for the PDF")
            }
            defer { free(bytes) }
            return DeferredStream(bytes: Array(UnsafeBufferPointer(start: bytes, count: length)),
                                  integers: face.program == .trueType ? [("/Length1", length)] : [])
        }

        var descendants: [Store.Handle] = []
        for (index, face) in faces.enumerated() {
            let description = face.face
            let file = files[index]
            if description.program != .trueType { document.set(file, "/Subtype", document.name("/CIDFontType0C")) }
            let name = "/" + Self.subsetTag(description, glyphs: jobs[index].1) + "+" + description.postScriptName
            let descriptor = document.indirect(document.dictionary([
                "/Type": document.name("/FontDescriptor"),
                "/FontName": document.name(name),
                "/Flags": document.integer((description.fixedPitch ? 1 : 0) | 4 | (description.italicAngle != 0 ? 64 : 0)),
                "/FontBBox": document.array(description.boundingBox.map { document.integer($0) }),
                "/ItalicAngle": document.integer(Int(description.italicAngle.rounded())),
                "/Ascent": document.integer(description.ascent),
                "/Descent": document.integer(description.descent),
                "/CapHeight": document.integer(description.capHeight),
                "/StemV": document.integer(80),
            ]))
            document.set(descriptor, description.program == .trueType ? "/FontFile2" : "/FontFile3", file)
            let descendant = document.indirect(document.dictionary([
                "/Type": document.name("/Font"),
                "/Subtype": document.name(description.program == .trueType ? "/CIDFontType2" : "/CIDFontType0"),
                "/BaseFont": document.name(name),
                "/CIDSystemInfo": document.dictionary([
                    "/Registry": document.bytes("Adobe"), "/Ordering": document.bytes("Identity"), "/Supplement": document.integer(0),
                ]),
                "/FontDescriptor": descriptor,
                "/W": widthArray(face.widths),
            ]))
            if description.program == .trueType { document.set(descendant, "/CIDToGIDMap", document.name("/Identity")) }
            descendants.append(descendant)
        }

        // Each part's fonts, and the pages' resources naming them.
        var maps: [[UInt8]] = []
        for part in parts {
            for use in part.text.fonts { maps.append(ToUnicodeMap.bytes(use.text)) }
        }
        let unicodeStreams = try document.streams(maps, threads: threads)
        var next = 0
        for part in parts {
            var fonts: [Store.Handle] = []
            for use in part.text.fonts {
                let descendant = descendants[faceIndex[use.face]!]
                fonts.append(document.indirect(document.dictionary([
                    "/Type": document.name("/Font"),
                    "/Subtype": document.name("/Type0"),
                    "/BaseFont": document.get(descendant, "/BaseFont"),
                    "/Encoding": document.name("/Identity-H"),
                    "/DescendantFonts": document.array([descendant]),
                    "/ToUnicode": unicodeStreams[next],
                ])))
                next += 1
            }
            for (offset, used) in part.text.fontsOfPage.enumerated() where !used.isEmpty {
                addFonts(used.map { (part.text.fonts[$0].resourceName, fonts[$0]) }, to: document.page(part.firstPage + offset))
            }
        }
        try document.check()
    }

    /// Puts `fonts` (resource name, font) into `page`'s font resources, making the dictionaries it lacks.
    private func addFonts(_ fonts: [(String, Store.Handle)], to page: Store.Handle) {
        var resources = document.get(page, "/Resources")
        if !document.isDictionary(resources) {
            resources = document.dictionary([:])
            document.set(page, "/Resources", resources)
            resources = document.get(page, "/Resources")
        }
        let existing = document.get(resources, "/Font")
        if document.isDictionary(existing) {
            for (name, font) in fonts { document.set(existing, name, font) }
        } else {
            let dictionary = document.dictionary([:])
            for (name, font) in fonts { document.set(dictionary, name, font) }
            document.set(resources, "/Font", dictionary)
        }
    }

    /// The `/W` array: runs of consecutive codes, each with its widths.
    private func widthArray(_ widths: [UInt16: Int]) -> Store.Handle {
        var items: [Store.Handle] = []
        var run: [Store.Handle] = []
        var start = -1
        var previous = -2
        for code in widths.keys.sorted() {
            let value = Int(code)
            if value != previous + 1, !run.isEmpty {
                items.append(document.integer(start))
                items.append(document.array(run))
                run = []
            }
            if run.isEmpty { start = value }
            run.append(document.integer(widths[code]!))
            previous = value
        }
        if !run.isEmpty {
            items.append(document.integer(start))
            items.append(document.array(run))
        }
        return document.array(items)
    }

    /// The six capital letters that prefix a subset's name: from a hash of the face and its glyphs, so that the same
    /// document always gets the same tags and two subsets of one face differ.
    static func subsetTag(_ face: EmbeddedFace, glyphs: [UInt32]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        for byte in face.postScriptName.utf8 { mix(byte) }
        for glyph in glyphs {
            for shift in stride(from: 0, to: 32, by: 8) { mix(UInt8(truncatingIfNeeded: glyph >> UInt32(shift))) }
        }
        var letters: [UInt8] = []
        for _ in 0..<6 {
            letters.append(UInt8(ascii: "A") + UInt8(hash % 26))
            hash /= 26
        }
        return String(decoding: letters, as: UTF8.self)
    }
}

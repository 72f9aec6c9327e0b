import Foundation

/// What PDF/A-2b and PDF/A-3b (ISO 19005-2 and -3) ask of a PDF that cairo 1.16 drew, beyond what every Galley
/// PDF gets.
///
/// Added here: the output intent (`/GTS_PDFA1` with an sRGB ICC profile, so DeviceRGB and DeviceGray are
/// defined), `/Interpolate` removed from image dictionaries (6.2.8: cairo writes `true` for smoothly scaled
/// images), and for PDF/A-3b the source article as an associated file (6.8). The XMP identification, printable
/// annotations (6.3.2) and the agreement of XMP and information dictionary (6.6.2) are made for every PDF by the
/// finisher. What cairo already satisfies, and what was checked:
/// - the trailer has an `/ID` (both writers derive one from the content) and no `/Encrypt`; the header says PDF 1.7;
/// - every font is embedded (Galley embeds subsets of the faces it writes text in, cairo of the rest, Type 3 for bitmap
///   glyphs);
/// - no LZW, no external streams (`/F`), no `/OPI`, `/Alternates`, transfer functions or halftones;
/// - transparency (soft masks, page groups with `/CS /DeviceRGB`, standard blend modes) is allowed in PDF/A-2;
/// - actions are `/URI` and `/GoTo` only; no JavaScript, no `/AA`, no optional content, no forms;
/// - link annotations need no appearance stream (6.3.3 exempts `/Link`); no `/C` issue with an RGB intent.
/// Not handled: images in DeviceCMYK (a CMYK JPEG passed through) would need a CMYK output intent.
struct ArchivalRequirements<Store: PDFObjectStore> {
    let document: Store

    /// Applies the requirements of `options.standard` (which must be PDF/A), dating the embedded file with `date`.
    func apply(options: PDFFinishOptions, date: PDFDate?) throws {
        let root = document.root
        let profile: Data
        do {
            profile = try ICCProfileCache.profile(at: options.iccProfilePath)
        } catch {
            throw PDFFinishError.unreadableFile(path: options.iccProfilePath, reason: "\(error.localizedDescription) (Debian's icc-profiles-free installs the sRGB profile)")
        }
        let profileStream = document.stream(profile, ["/N": document.integer(3)])
        document.set(root, "/OutputIntents", document.array([document.dictionary([
            "/Type": document.name("/OutputIntent"), "/S": document.name("/GTS_PDFA1"),
            "/OutputConditionIdentifier": document.text("sRGB IEC61966-2.1"), "/RegistryName": document.text("http://www.color.org"),
            "/Info": document.text("sRGB IEC61966-2.1"), "/DestOutputProfile": profileStream,
        ])]))
        removeInterpolation()
        if options.standard == .a3b, !options.embeddedSources.isEmpty {
            embed(options.embeddedSources, date: date, in: root)
        }
        try document.check()
    }

    /// Removes `/Interpolate` from every image (PDF/A allows only false, and false is the default).
    private func removeInterpolation() {
        // Every stream is visited rather than the resources walked: images hide in forms, patterns and soft masks.
        document.forEachStream(mentioning: "/Interpolate") { stream in
            if document.has(stream, "/Interpolate") { document.remove(stream, "/Interpolate") }
        }
    }

    /// Embeds `sources` as the document's associated source files (`/AF`, `/EmbeddedFiles`), under unique names.
    private func embed(_ sources: [EmbeddedSource], date: PDFDate?, in root: Store.Handle) {
        // The embedded files' date is the article's (2000-01-01 without one, as for the PDF), never the clock.
        let modified = date?.pdf ?? "D:20000101000000Z"
        var taken = Set<String>()
        var specifications: [(name: String, handle: Store.Handle)] = []
        for source in sources {
            var unique = source
            // Two articles with one id in an issue: the second is "id-2.json", so each is found by its name.
            var counter = 2
            while !taken.insert(unique.fileName).inserted {
                let url = source.fileName as NSString
                unique.fileName = "\(url.deletingPathExtension)-\(counter).\(url.pathExtension)"
                counter += 1
            }
            specifications.append((unique.fileName, specification(of: unique, modified: modified)))
        }
        document.set(root, "/AF", document.array(specifications.map(\.handle)))
        var names = document.get(root, "/Names")
        if !document.isDictionary(names) {
            names = document.dictionary([:])
            document.set(root, "/Names", names)
        }
        // A name tree's keys are sorted (ISO 32000-1, 7.9.6): by their bytes, which for these names is UTF-8 order.
        let sorted = specifications.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
        document.set(names, "/EmbeddedFiles", document.dictionary([
            "/Names": document.array(sorted.flatMap { [document.text($0.name), $0.handle] }),
        ]))
    }

    /// The file specification of one embedded source, its bytes dated `modified`.
    private func specification(of source: EmbeddedSource, modified: String) -> Store.Handle {
        let file = document.stream(source.data, [
            "/Type": document.name("/EmbeddedFile"), "/Subtype": document.name("/" + source.mimeType),
            "/Params": document.dictionary(["/Size": document.integer(source.data.count), "/ModDate": document.text(modified)]),
        ])
        // /F is a byte string: characters outside ASCII become underscores there and stay whole in /UF.
        let asciiName = String(source.fileName.unicodeScalars.map { $0.isASCII && $0.value >= 32 ? Character($0) : "_" })
        return document.indirect(document.dictionary([
            "/Type": document.name("/Filespec"), "/F": document.bytes(asciiName), "/UF": document.text(source.fileName),
            "/Desc": document.text(source.description), "/AFRelationship": document.name("/Source"),
            "/EF": document.dictionary(["/F": file, "/UF": file]),
        ]))
    }
}

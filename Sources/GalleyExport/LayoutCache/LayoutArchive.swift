import Foundation
import GalleyFiles
import GalleyLayout

/// The layout cache's file format: an article's pages, structure tree and outline in a compact binary form read
/// without `Codable`, the small rest (metadata and quality figures) as JSON.
///
/// An issue of 50 articles spent two thirds of its time decoding their cached layouts as JSON (13 MB of it, glyph
/// by glyph through `JSONDecoder`). Here doubles are stored as their 8 bytes, so a layout read back equals the one
/// written to the bit; counts and indices are variable-length integers, and font faces are written once per file.
/// A file that is short, damaged or of another version reads as nil, which the cache treats as a miss.
enum LayoutArchive {
    /// The first bytes of every file: a name and the format's version, raised whenever the layout's types change.
    static let magic: [UInt8] = Array("GALLEY-LAYOUT-3\n".utf8)

    /// What is written as JSON: the metadata and the quality figures, about a kilobyte.
    private struct Summary: Codable {
        var metadata: DocumentMetadata
        var quality: QualityReport
    }

    /// The item kinds, one byte each.
    private enum Kind: UInt8 {
        case glyphs, rule, link, destination, image, shape
    }

    /// `layout` as the bytes of a cache file.
    static func encode(_ layout: ArticleLayout) throws -> [UInt8] {
        var writer = ByteWriter()
        writer.append(magic)
        let summary = try JSONEncoder().encode(Summary(metadata: layout.metadata, quality: layout.quality))
        writer.count(summary.count)
        writer.append(summary)
        writeStructure(layout.structure, to: &writer)
        writeOutline(layout.outline, to: &writer)
        var faces: [FontFace: Int] = [:]
        var faceList: [FontFace] = []
        for page in layout.pages {
            for positioned in page {
                if let run = positioned.item.glyphRun, faces[run.face] == nil {
                    faces[run.face] = faceList.count
                    faceList.append(run.face)
                }
            }
        }
        writer.count(faceList.count)
        for face in faceList {
            writer.string(face.file)
            writer.count(face.index)
            writer.string(face.postScriptName)
        }
        writer.count(layout.pages.count)
        for page in layout.pages {
            writer.count(page.count)
            for positioned in page {
                writer.double(positioned.origin.x)
                writer.double(positioned.origin.y)
                writer.signed(Int(positioned.node))
                switch positioned.item {
                case .glyphs(let run, let color), .shape(let run, let color):
                    if case .shape = positioned.item { writer.integer(Kind.shape.rawValue) } else { writer.integer(Kind.glyphs.rawValue) }
                    writer.count(faces[run.face]!)
                    writer.double(run.size)
                    writer.double(run.horizontalScale)
                    writer.string(run.text)
                    writer.count(run.missingGlyphs)
                    writer.integer(UInt8(run.isRightToLeft ? 1 : 0))
                    writer.color(color)
                    let glyphs = run.glyphs
                    writer.count(glyphs.count)
                    for glyph in glyphs {
                        // Most glyphs sit on the baseline at their pen position: the offsets are written only when set.
                        let flags: UInt8 = (glyph.xOffset.bitPattern != 0 ? 1 : 0) | (glyph.yOffset.bitPattern != 0 ? 2 : 0)
                        writer.integer(flags)
                        writer.count(Int(glyph.id))
                        writer.double(glyph.advance)
                        if flags & 1 != 0 { writer.double(glyph.xOffset) }
                        if flags & 2 != 0 { writer.double(glyph.yOffset) }
                        writer.signed(glyph.cluster)
                    }
                case .rule(let size, let color):
                    writer.integer(Kind.rule.rawValue)
                    writer.size(size)
                    writer.color(color)
                case .link(let size, let url):
                    writer.integer(Kind.link.rawValue)
                    writer.size(size)
                    writer.string(url)
                case .destination(let name):
                    writer.integer(Kind.destination.rawValue)
                    writer.string(name)
                case .image(let image, let size):
                    writer.integer(Kind.image.rawValue)
                    writer.string(image.path)
                    writer.string(image.format.rawValue)
                    writer.double(image.pixelWidth)
                    writer.double(image.pixelHeight)
                    writer.integer(UInt8(image.isCMYK ? 1 : 0))
                    writer.size(size)
                }
            }
        }
        return writer.bytes
    }

    /// The layout in `bytes`, or nil when they are not a whole file of this version.
    static func decode(_ bytes: some Collection<UInt8>) -> ArticleLayout? {
        var reader = ByteReader(bytes)
        guard reader.bytes(magic.count) == magic,
              let summaryLength = reader.count(), let summaryBytes = reader.bytes(summaryLength),
              let summary = try? JSONDecoder().decode(Summary.self, from: Data(summaryBytes)),
              let structure = readStructure(from: &reader), let outline = readOutline(from: &reader),
              let faceCount = reader.count(limit: 1 << 16) else { return nil }
        var faces: [FontFace] = []
        for _ in 0..<faceCount {
            guard let file = reader.string(), let index = reader.natural(), let name = reader.string() else { return nil }
            faces.append(FontFace(file: file, index: index, postScriptName: name))
        }
        guard let pageCount = reader.count() else { return nil }
        var pages: [[PositionedItem]] = []
        pages.reserveCapacity(pageCount)
        for _ in 0..<pageCount {
            guard let itemCount = reader.count() else { return nil }
            var items: [PositionedItem] = []
            items.reserveCapacity(itemCount)
            for _ in 0..<itemCount {
                guard let x = reader.double(), let y = reader.double(), let node = reader.signed(), let node32 = Int32(exactly: node),
                      let rawKind = reader.byte(), let kind = Kind(rawValue: rawKind), let item = item(kind, faces: faces, reader: &reader)
                else { return nil }
                items.append(PositionedItem(Point(x: x, y: y), item, node: node32))
            }
            pages.append(items)
        }
        guard reader.isAtEnd else { return nil }
        return ArticleLayout(pages: pages, outline: outline, metadata: summary.metadata, quality: summary.quality,
                             structure: structure)
    }

    private static func item(_ kind: Kind, faces: [FontFace], reader: inout ByteReader) -> FrameItem? {
        switch kind {
        case .glyphs, .shape:
            guard let faceIndex = reader.natural(), faceIndex < faces.count, let size = reader.double(), let scale = reader.double(),
                  scale.isFinite, scale > 0, let text = reader.string(),
                  let missing = reader.natural(), let direction = reader.byte(), let color = reader.color(), let glyphCount = reader.count()
            else { return nil }
            var glyphs: [Glyph] = []
            glyphs.reserveCapacity(glyphCount)
            for _ in 0..<glyphCount {
                guard let flags = reader.byte(), let id = reader.natural(), let glyphID = UInt32(exactly: id), let advance = reader.double()
                else { return nil }
                var xOffset = 0.0, yOffset = 0.0
                if flags & 1 != 0 { guard let value = reader.double() else { return nil }; xOffset = value }
                if flags & 2 != 0 { guard let value = reader.double() else { return nil }; yOffset = value }
                guard let cluster = reader.signed() else { return nil }
                glyphs.append(Glyph(id: glyphID, advance: advance, xOffset: xOffset, yOffset: yOffset, cluster: cluster))
            }
            let run = GlyphRun(face: faces[faceIndex], size: size, text: text, glyphs: glyphs, missingGlyphs: missing,
                               isRightToLeft: direction != 0, horizontalScale: scale)
            return kind == .shape ? .shape(run, color: color) : .glyphs(run, color: color)
        case .rule:
            guard let size = reader.size(), let color = reader.color() else { return nil }
            return .rule(size, color: color)
        case .link:
            guard let size = reader.size(), let url = reader.string() else { return nil }
            return .link(size, url: url)
        case .destination:
            return reader.string().map(FrameItem.destination)
        case .image:
            guard let path = reader.string(), let formatName = reader.string(), let format = ImageReference.Format(rawValue: formatName),
                  let pixelWidth = reader.double(), let pixelHeight = reader.double(), let cmyk = reader.byte(), let size = reader.size()
            else { return nil }
            return .image(ImageReference(path: path, format: format, pixelWidth: pixelWidth, pixelHeight: pixelHeight, isCMYK: cmyk != 0), size)
        }
    }
}

extension ByteWriter {
    /// Appends a size as two doubles.
    fileprivate mutating func size(_ value: Size) {
        double(value.width)
        double(value.height)
    }

    /// Appends a colour as three doubles.
    fileprivate mutating func color(_ value: Color) {
        double(value.red)
        double(value.green)
        double(value.blue)
    }
}

extension ByteReader {
    /// A size, as `ByteWriter.size` wrote it.
    fileprivate mutating func size() -> Size? {
        guard let width = double(), let height = double() else { return nil }
        return Size(width: width, height: height)
    }

    /// A colour, as `ByteWriter.color` wrote it.
    fileprivate mutating func color() -> Color? {
        guard let red = double(), let green = double(), let blue = double() else { return nil }
        return Color(red: red, green: green, blue: blue)
    }
}

/// Glyphs of one face and size with the text they spell, ready to draw with copyable text.
///
/// A value type whose fields live in one shared, copy-on-write object: node lists, cached words and set
/// lines copy runs constantly, and one reference to retain is much cheaper than a face, a text and an array.
public struct GlyphRun: Codable, Sendable, Equatable, Hashable {
    private final class Storage: @unchecked Sendable {
        // `@unchecked`: a storage object is only mutated while uniquely referenced (see `writable`).
        var face: FontFace
        var size: Double
        var text: String
        var glyphs: [Glyph]
        var missingGlyphs: Int
        var horizontalScale: Double
        /// The sum of the advances, kept up to date so that lines can ask for it at every word.
        var width: Double

        init(face: FontFace, size: Double, text: String, glyphs: [Glyph], missingGlyphs: Int, horizontalScale: Double) {
            self.face = face
            self.size = size
            self.text = text
            self.glyphs = glyphs
            self.missingGlyphs = missingGlyphs
            self.horizontalScale = horizontalScale
            width = GlyphRun.advance(of: glyphs)
        }

        func copy() -> Storage {
            Storage(face: face, size: size, text: text, glyphs: glyphs, missingGlyphs: missingGlyphs, horizontalScale: horizontalScale)
        }
    }

    private var storage: Storage
    /// Whether the text reads right to left, so that the glyphs' clusters run from the end of the text to its start.
    ///
    /// Kept outside the shared storage: lines ask it of every run they merge, and a field of a class costs an
    /// exclusivity check on every read.
    public var isRightToLeft: Bool

    private var writable: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    /// The face the glyph ids refer to.
    public var face: FontFace {
        get { storage.face }
        set { writable.face = newValue }
    }
    /// The type size in points.
    public var size: Double {
        get { storage.size }
        set { writable.size = newValue }
    }
    /// The text the glyphs represent.
    public var text: String {
        get { storage.text }
        set { writable.text = newValue }
    }
    /// The glyphs in visual order (left to right on the page), whatever the direction of the text.
    public var glyphs: [Glyph] {
        get { storage.glyphs }
        set {
            let target = writable
            target.glyphs = newValue
            target.width = Self.advance(of: newValue)
        }
    }
    /// Glyphs the font lacks (drawn as .notdef); counted for preflight.
    public var missingGlyphs: Int {
        get { storage.missingGlyphs }
        set { writable.missingGlyphs = newValue }
    }
    /// How much wider (above 1) or narrower the glyphs are drawn than the font makes them: a justified line's glyph
    /// expansion (`GlyphExpansion`). The advances already include it; drawing scales the outlines by it.
    public var horizontalScale: Double {
        get { storage.horizontalScale }
        set { writable.horizontalScale = newValue }
    }
    /// The glyph id that stands for a character drawn as nothing (a zero-width joiner, a bidi mark): it keeps its
    /// place in the cluster map, so copied text has the character, but no glyph is shown.
    public static let invisibleGlyph = UInt32.max

    /// Creates a run.
    public init(face: FontFace, size: Double, text: String, glyphs: [Glyph], missingGlyphs: Int = 0, isRightToLeft: Bool = false,
                horizontalScale: Double = 1) {
        storage = Storage(face: face, size: size, text: text, glyphs: glyphs, missingGlyphs: missingGlyphs, horizontalScale: horizontalScale)
        self.isRightToLeft = isRightToLeft
    }

    /// The same run in objects of its own (storage, glyph array, text), none shared with this one.
    ///
    /// For a run another thread made (`SharedShapes`): every copy of a node retains its run, and two cores retaining
    /// and releasing the same objects fight over their reference counts' cache line, which cost more than the
    /// shaping the sharing saved.
    public func unshared() -> GlyphRun {
        let glyphs = Array(unsafeUninitializedCapacity: self.glyphs.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: self.glyphs)
        }
        let text = String(unsafeUninitializedCapacity: self.text.utf8.count) { buffer in
            buffer.initialize(fromContentsOf: self.text.utf8)
        }
        return GlyphRun(face: face, size: size, text: text, glyphs: glyphs, missingGlyphs: missingGlyphs, isRightToLeft: isRightToLeft,
                        horizontalScale: horizontalScale)
    }

    /// The run drawn `factor` times as wide: every advance and horizontal offset scaled, and the outlines with them.
    public func expanded(by factor: Double) -> GlyphRun {
        guard factor != 1 else { return self }
        var scaled = glyphs
        Self.scale(&scaled, from: 0, by: factor)
        return GlyphRun(face: face, size: size, text: text, glyphs: scaled, missingGlyphs: missingGlyphs, isRightToLeft: isRightToLeft,
                        horizontalScale: horizontalScale * factor)
    }

    /// The sum of the glyphs' advances.
    public var width: Double { storage.width }

    /// Joins `other`, drawn just to the right of this run, which must have the same face, size and direction.
    ///
    /// Left to right, `other` follows this run in the text; right to left, it comes before it, so its text goes
    /// first and this run's clusters move past it.
    ///
    /// With `factor` other than 1, `other` is joined as `other.expanded(by: factor)` would be, to the same bits.
    public mutating func appendOnRight(_ other: GlyphRun, expandedBy factor: Double = 1) {
        guard isRightToLeft else { return append(other, expandedBy: factor) }
        let target = writable
        let shift = other.text.utf8.count
        var glyphs: [Glyph] = []
        swap(&glyphs, &target.glyphs)
        for index in glyphs.indices { glyphs[index].cluster += shift }
        let start = glyphs.count
        glyphs.append(contentsOf: other.glyphs)
        if factor != 1 { Self.scale(&glyphs, from: start, by: factor) }
        target.width = Self.advance(of: glyphs[start...], after: target.width)
        swap(&glyphs, &target.glyphs)
        target.text = other.text + target.text
        target.missingGlyphs += other.missingGlyphs
    }

    /// Appends `other`, which must use the same face and size, shifting its clusters past this run's text; with
    /// `factor` other than 1, as `other.expanded(by: factor)`.
    public mutating func append(_ other: GlyphRun, expandedBy factor: Double = 1) {
        let target = writable
        let shift = target.text.utf8.count
        // The array is taken out of the storage while it grows: the storage is a class, every access to its fields
        // is checked for exclusivity, and appending a lazily mapped sequence went through the generic copy.
        var glyphs: [Glyph] = []
        swap(&glyphs, &target.glyphs)
        let start = glyphs.count
        glyphs.append(contentsOf: other.glyphs)
        for index in start..<glyphs.count { glyphs[index].cluster += shift }
        if factor != 1 { Self.scale(&glyphs, from: start, by: factor) }
        // Continued from this run's sum, glyph by glyph, so it is the sum of the joined run to the last bit.
        target.width = Self.advance(of: glyphs[start...], after: target.width)
        swap(&glyphs, &target.glyphs)
        target.text += other.text
        target.missingGlyphs += other.missingGlyphs
    }

    /// Adds `amount` to the last glyph's advance (the blank glue after a Chinese character, taken into the run).
    public mutating func widenLastGlyph(by amount: Double) {
        let target = writable
        guard !target.glyphs.isEmpty else { return }
        target.glyphs[target.glyphs.count - 1].advance += amount
        // Summed again rather than adjusted, so that the width is the sum of the advances to the last bit, as when
        // the glyphs are set.
        target.width = Self.advance(of: target.glyphs)
    }

    /// The advances of `glyphs` added one by one to `start`, left to right.
    private static func advance(of glyphs: some Collection<Glyph>, after start: Double = 0) -> Double {
        glyphs.reduce(start) { $0 + $1.advance }
    }

    /// Scales the advances and horizontal offsets of the glyphs from `start` on by `factor` (`expanded(by:)`, and a
    /// run joined to a line already expanded).
    private static func scale(_ glyphs: inout [Glyph], from start: Int, by factor: Double) {
        for index in start..<glyphs.count {
            glyphs[index].advance *= factor
            glyphs[index].xOffset *= factor
        }
    }

    /// The run cut between its clusters, one run per cluster (a character with its marks, a ligature), with the text
    /// each one spells; the run itself when its clusters do not rise monotonically (right-to-left, or reordered).
    public func clusterPieces() -> [GlyphRun] {
        slices { _, _ in true }
    }

    /// The run cut between its clusters into slices as wide as fit: the first at most `firstWidth`, the others at most
    /// `width`, each at least one cluster; the run itself when its clusters do not rise monotonically.
    public func slices(firstWidth: Double, width: Double) -> [GlyphRun] {
        var limit = firstWidth
        return slices { sliceWidth, clusterWidth in
            // Close the slice when the next cluster would not fit in it (a slice always holds one cluster).
            guard sliceWidth > 0, sliceWidth + clusterWidth > limit else { return false }
            limit = width
            return true
        }
    }

    /// The run cut before every cluster for which `cutBefore(width so far, cluster width)` says so.
    private func slices(cutBefore: (Double, Double) -> Bool) -> [GlyphRun] {
        let glyphs = self.glyphs
        let bytes = Array(text.utf8)
        guard let first = glyphs.first, first.cluster == 0 else { return [self] }
        var pieces: [GlyphRun] = []
        var sliceStart = 0
        var sliceWidth = 0.0
        var start = 0
        func close(at end: Int) {
            let from = glyphs[sliceStart].cluster
            let to = end < glyphs.count ? glyphs[end].cluster : bytes.count
            let part = glyphs[sliceStart..<end].map { glyph -> Glyph in
                var moved = glyph
                moved.cluster -= from
                return moved
            }
            pieces.append(GlyphRun(face: face, size: size, text: String(decoding: bytes[from..<to], as: UTF8.self), glyphs: part,
                                   missingGlyphs: part.filter { $0.id == 0 }.count, horizontalScale: horizontalScale))
        }
        while start < glyphs.count {
            let cluster = glyphs[start].cluster
            var end = start + 1
            var clusterWidth = glyphs[start].advance
            while end < glyphs.count, glyphs[end].cluster == cluster {
                clusterWidth += glyphs[end].advance
                end += 1
            }
            let next = end < glyphs.count ? glyphs[end].cluster : bytes.count
            guard next > cluster, next <= bytes.count else { return [self] }
            if start > sliceStart, cutBefore(sliceWidth, clusterWidth) {
                close(at: start)
                (sliceStart, sliceWidth) = (start, 0)
            }
            sliceWidth += clusterWidth
            start = end
        }
        close(at: glyphs.count)
        return pieces
    }

    /// Whether `other` (drawn `factor` times as wide) can be drawn as part of this run.
    public func canMerge(with other: GlyphRun, expandedBy factor: Double = 1) -> Bool {
        // Times 1 is exact, so an unexpanded run compares as it always did.
        isRightToLeft == other.isRightToLeft && face == other.face && size == other.size && horizontalScale == other.horizontalScale * factor
    }

    private enum CodingKeys: String, CodingKey {
        case face, size, text, glyphs, missingGlyphs, rightToLeft, horizontalScale
    }

    /// Reads the fields written by `encode(to:)`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(face: try container.decode(FontFace.self, forKey: .face), size: try container.decode(Double.self, forKey: .size),
                  text: try container.decode(String.self, forKey: .text), glyphs: try container.decode([Glyph].self, forKey: .glyphs),
                  missingGlyphs: try container.decode(Int.self, forKey: .missingGlyphs),
                  isRightToLeft: try container.decodeIfPresent(Bool.self, forKey: .rightToLeft) ?? false,
                  horizontalScale: try container.decodeIfPresent(Double.self, forKey: .horizontalScale) ?? 1)
    }

    /// Writes the run's fields (not its storage).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(face, forKey: .face)
        try container.encode(size, forKey: .size)
        try container.encode(text, forKey: .text)
        try container.encode(glyphs, forKey: .glyphs)
        try container.encode(missingGlyphs, forKey: .missingGlyphs)
        // Written only when set, so that cached layouts of left-to-right text keep their form.
        if isRightToLeft { try container.encode(true, forKey: .rightToLeft) }
        if horizontalScale != 1 { try container.encode(horizontalScale, forKey: .horizontalScale) }
    }

    /// Runs are equal when their fields are.
    public static func == (left: GlyphRun, right: GlyphRun) -> Bool {
        left.isRightToLeft == right.isRightToLeft && left.storage === right.storage
            || (left.face == right.face && left.size == right.size && left.text == right.text
                && left.glyphs == right.glyphs && left.missingGlyphs == right.missingGlyphs && left.isRightToLeft == right.isRightToLeft
                && left.horizontalScale == right.horizontalScale)
    }

    /// Hashes the fields that equality compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(face)
        hasher.combine(size)
        hasher.combine(text)
        hasher.combine(glyphs)
        hasher.combine(missingGlyphs)
        hasher.combine(isRightToLeft)
        hasher.combine(horizontalScale)
    }
}

import CCairoPango
import CLineBreak
import Foundation
import GalleyFonts
import GalleyLayout
import GalleyModel
import GalleyStyle

/// Shapes text with Pango and HarfBuzz, using only the fonts of Galley's catalog, and analyses paragraphs with
/// Pango's implementations of the Unicode bidi and line-breaking algorithms.
///
/// Owns its fontconfig configurations and Pango font maps: font maps must never be shared between threads, so each
/// worker creates its own shaper. The FreeType faces behind them are shared (see `FreeTypeFaces`).
///
/// Text is shaped with Galley's bundled fonts, and with the pinned system fonts too (the large Chinese, Japanese and
/// Korean collections) only when the text needs them: its stack names one of their families, or the bundled fonts
/// lack one of its characters. Opening those faces and sorting them in every fallback search costs more than setting
/// a whole Latin article, so articles that never use them never pay for them.
public final class PangoShaper: TextShaper, TextAnalyzer {
    private let catalog: FontCatalog
    private let bundled: PangoFontContext
    private var everyFont: PangoFontContext?
    /// The families only the pinned fonts have: text whose stack names one is shaped with every font.
    private let pinnedFamilies: Set<String>
    private let stacks: [String: FontStack]
    private var familyLists: [FamilyKey: String] = [:]
    private var pinnedLists: [String: Bool] = [:]
    /// ICU line-break iterators by language, opened on first use (opening one loads its rules and dictionaries).
    private var lineBreakers: [String: UnsafeMutableRawPointer] = [:]
    /// The items words of one script were itemized into, by what decides the item (see `ShapingItem`).
    private var items: [ItemKey: ShapingItem] = [:]
    /// Itemizes every word, as before `ShapingItem`: set only by the test that compares the two ways.
    var itemizesEveryWord = false
    /// The words shaped without itemizing so far (for that test).
    private(set) var wordsNotItemized = 0
    /// Shapes every word through `pango_shape`, as before `DirectShaping`: set only by the tests that compare the ways.
    var shapesThroughPango = false
    /// The words shaped with HarfBuzz directly so far (for those tests).
    private(set) var wordsShapedDirectly = 0
    /// The HarfBuzz buffer words are shaped in directly, reset for each.
    private let buffer: OpaquePointer = hb_buffer_create()!

    private struct ItemKey: Hashable {
        var fonts: ObjectIdentifier
        var families: String
        var font: FontRequest
        var language: String
        var script: UInt32
        var direction: TextDirection
    }

    private struct FamilyKey: Hashable {
        var family: String
        var script: Script?
        var language: String
    }

    /// Creates a shaper over the fonts of `catalog`, resolving the font stacks of a layout by language.
    public init(catalog: FontCatalog, stacks: [String: FontStack] = [:]) throws {
        self.catalog = catalog
        bundled = PangoFontContext(configuration: try FontConfiguration(catalog: catalog, selection: .bundled))
        pinnedFamilies = catalog.pinned.isEmpty ? []
            : try catalog.installedFamilies(.all).subtracting(catalog.installedFamilies(.bundled))
        self.stacks = stacks
    }

    deinit {
        hb_buffer_destroy(buffer)
        for breaker in lineBreakers.values { galley_line_breaker_close(breaker) }
        // The items hold fonts and fontsets of the font maps: released while the maps are still alive.
        items.removeAll()
    }

    /// Whether the comma-separated `list` names a family only the pinned fonts have (remembered: asked for every word).
    private func namesPinnedFamily(_ list: String) -> Bool {
        if let known = pinnedLists[list] { return known }
        let names = list.split(separator: ",").contains { pinnedFamilies.contains(String($0)) }
        pinnedLists[list] = names
        return names
    }

    /// The context with every font, made on first need.
    private func fullContext() -> PangoFontContext? {
        if let everyFont { return everyFont }
        guard !catalog.pinned.isEmpty, let configuration = try? FontConfiguration(catalog: catalog, selection: .all) else { return nil }
        let made = PangoFontContext(configuration: configuration)
        everyFont = made
        return made
    }

    /// Creates a shaper over the fonts of the catalog in `fontsDirectory`.
    public convenience init(fontsDirectory: URL, stacks: [String: FontStack] = [:]) throws {
        try self.init(catalog: try FontCatalog.load(fontsDirectory: fontsDirectory), stacks: stacks)
    }

    /// Makes these fonts the ones Pango hands to code on this thread that asks for its default font map; with
    /// `everyFont`, the pinned ones too.
    ///
    /// librsvg sets an SVG's text through that default; without this it would use the system's fonts, breaking the
    /// rule that only Galley's fonts are used, and cairo would open font files itself (see `FreeTypeFaces`).
    public func becomeThreadDefault(everyFont: Bool = false) {
        let context = everyFont ? fullContext() ?? bundled : bundled
        pango_cairo_font_map_set_default(OpaquePointer(context.fontMap))
    }

    /// The comma-separated families Pango tries for `family` (a stack or a family) in a run of `script`.
    private func familyList(_ family: String, script: Script?, language: String) -> String {
        let key = FamilyKey(family: family, script: script, language: language)
        if let known = familyLists[key] { return known }
        let list = stacks[family].map { $0.families(for: script, language: language).joined(separator: ",") } ?? family
        familyLists[key] = list
        return list
    }

    private func description(for font: FontRequest, families: String) -> OpaquePointer {
        let description = pango_font_description_new()!
        pango_font_description_set_family(description, families)
        pango_font_description_set_weight(description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(description, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_font_description_set_absolute_size(description, font.size * Double(PANGO_SCALE))
        return description
    }

    /// The script whose fonts set `scalar`: its own, or Han for the full-width punctuation and forms of Chinese and
    /// Japanese text, which only the CJK faces have; nil for characters every script shares.
    static func fontScript(of scalar: Unicode.Scalar) -> Script? {
        if let script = Script.of(scalar) { return script }
        switch scalar.value {
        case 0x3000...0x303F, 0x30FB, 0xFE30...0xFE4F, 0xFF01...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65, 0xFFE0...0xFFEE:
            return .han
        default:
            return nil
        }
    }

    /// The language a run of CJK text must be in whatever its paragraph says: kana are only ever Japanese and
    /// hangul only Korean, so such a run takes the Japanese or Korean face even in a paragraph tagged otherwise.
    static func hanLanguage(_ text: String, _ bytes: Range<Int>) -> String? {
        let utf8 = text.utf8
        let slice = String(decoding: utf8[utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bytes.upperBound)],
                           as: UTF8.self)
        var hangul = false
        for scalar in slice.unicodeScalars {
            switch scalar.value {
            case 0x3041...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return "ja"
            case 0x1100...0x11FF, 0x3131...0x318E, 0xA960...0xA97F, 0xAC00...0xD7FF, 0xFFA0...0xFFDC: hangul = true
            default: break
            }
        }
        return hangul ? "ko" : nil
    }

    /// The text's runs of one script, as UTF-8 byte ranges: characters of no script (digits, punctuation, marks)
    /// belong to the run before them, or at the start to the first run after them.
    static func scriptRuns(_ text: String) -> [(bytes: Range<Int>, script: Script?)] {
        var runs: [(bytes: Range<Int>, script: Script?)] = []
        var start = 0
        var offset = 0
        var current: Script?
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            if let script = fontScript(of: scalar), script != current {
                if current == nil {
                    current = script
                } else {
                    runs.append((start..<offset, current))
                    start = offset
                    current = script
                }
            }
            offset += width
        }
        runs.append((start..<offset, current))
        return runs
    }

    /// Itemizes `text` (choosing fonts per script and coverage) and shapes each item, in reading order.
    ///
    /// Each run of one script gets the families its layout stack names for that script, so an Arabic word in an
    /// English paragraph takes the stack's Arabic face, not whichever font happens to have Arabic letters.
    public func shape(_ text: String, font: FontRequest, language: String, direction: TextDirection) -> [GlyphRun] {
        guard !text.isEmpty else { return [] }
        let runs = stacks[font.family] == nil ? [(bytes: 0..<text.utf8.count, script: Script?.none)] : Self.scriptRuns(text)
        let lists = runs.map { run in
            familyList(font.family, script: run.script, language: run.script == .han ? Self.hanLanguage(text, run.bytes) ?? language : language)
        }
        let needsPinned = !pinnedFamilies.isEmpty && lists.contains(where: namesPinnedFamily)
        if needsPinned, let full = fullContext() {
            return shape(text, in: full, runs: runs, lists: lists, font: font, language: language, direction: direction)
        }
        let shaped = shape(text, in: bundled, runs: runs, lists: lists, font: font, language: language, direction: direction)
        // A character no bundled font has may be in a pinned one (a Chinese character in an English sentence).
        if shaped.contains(where: { $0.missingGlyphs > 0 }), let full = fullContext() {
            return shape(text, in: full, runs: runs, lists: lists, font: font, language: language, direction: direction)
        }
        return shaped
    }

    private func shape(_ text: String, in fonts: PangoFontContext, runs: [(bytes: Range<Int>, script: Script?)], lists: [String],
                       font: FontRequest, language: String, direction: TextDirection) -> [GlyphRun] {
        // A word of one script and one direction: once a word of the same script, direction, families, font and
        // language has been itemized into one item, the next one whose characters that item's font has is shaped
        // without itemizing.
        var key: ItemKey?
        if !itemizesEveryWord, runs.count == 1, let script = Self.shortcutScript(text, direction: direction) {
            let made = ItemKey(fonts: ObjectIdentifier(fonts), families: lists[0], font: font, language: language, script: script,
                               direction: direction)
            if let item = items[made], item.accepts(text) {
                wordsNotItemized += 1
                return text.withCString { base in
                    let length = Int32(strlen(base))
                    if !shapesThroughPango, let direct = item.direct, let glyphs = direct.shape(base, length: length, in: buffer) {
                        wordsShapedDirectly += 1
                        return [run(glyphs, text: text, size: font.size, face: fonts.fontFace(of: item.analysis.font),
                                    isRightToLeft: direction == .rightToLeft)]
                    }
                    return withUnsafePointer(to: item.analysis) { analysis in
                        [shapeItem(analysis, offset: 0, length: length, base: base, total: length, size: font.size, fonts: fonts)]
                    }
                }
            }
            key = made
        }
        let context = fonts.context
        let attributes = pango_attr_list_new()
        defer { pango_attr_list_unref(attributes) }
        var descriptions: [OpaquePointer] = []
        defer { descriptions.forEach { pango_font_description_free($0) } }
        for (run, list) in zip(runs, lists) {
            let description = description(for: font, families: list)
            descriptions.append(description)
            let attribute = pango_attr_font_desc_new(description)!
            attribute.pointee.start_index = UInt32(run.bytes.lowerBound)
            attribute.pointee.end_index = UInt32(run.bytes.upperBound)
            pango_attr_list_insert(attributes, attribute)
        }
        pango_attr_list_insert(attributes, pango_attr_language_new(pango_language_from_string(language)))
        pango_context_set_font_description(context, descriptions[0])

        var shaped: [GlyphRun] = []
        text.withCString { base in
            let length = Int32(strlen(base))
            let baseDirection = direction == .rightToLeft ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR
            var list = pango_itemize_with_base_dir(context, baseDirection, base, 0, length, attributes, nil)
            let head = list
            defer {
                var node = head
                while let current = node {
                    pango_item_free(current.pointee.data.assumingMemoryBound(to: PangoItem.self))
                    node = current.pointee.next
                }
                g_list_free(head)
            }
            if let key, let only = list, only.pointee.next == nil, items[key] == nil,
               let item = ShapingItem(only.pointee.data.assumingMemoryBound(to: PangoItem.self), of: text, script: key.script,
                                      level: key.direction == .rightToLeft ? 1 : 0, fontMap: fonts.fontMap, context: context, description: descriptions[0]) {
                items[key] = item
            }
            while let node = list {
                let item = node.pointee.data.assumingMemoryBound(to: PangoItem.self)
                shaped.append(shapeItem(&item.pointee.analysis, offset: Int(item.pointee.offset), length: item.pointee.length,
                                        base: base, total: length, size: font.size, fonts: fonts))
                list = node.pointee.next
            }
        }
        return shaped
    }

    /// The script a word takes the shortcut past itemizing in, or nil when itemizing it could give anything but one
    /// item at the direction's level (0 left to right, 1 right to left): it holds a second script, a character of
    /// the other direction or a number (`galley_bidi_keeps_left_to_right` and `…_right_to_left` say which keep the
    /// level), part of an emoji, or a character Pango never chooses a font for (spaces, controls, format characters,
    /// variation selectors), or it starts with a combining mark. Characters common to every script take the script
    /// of the others, as Pango's script iterator gives them; a word of them alone is in the common script.
    static func shortcutScript(_ text: String, direction: TextDirection = .leftToRight) -> UInt32? {
        let keepsLevel = direction == .rightToLeft ? galley_bidi_keeps_right_to_left : galley_bidi_keeps_left_to_right
        let common = UInt32(bitPattern: G_UNICODE_SCRIPT_COMMON.rawValue), inherited = UInt32(bitPattern: G_UNICODE_SCRIPT_INHERITED.rawValue)
        var found: UInt32?
        var first = true
        for scalar in text.unicodeScalars {
            let value = scalar.value
            guard keepsLevel(value) != 0, !Self.mayBeEmoji(scalar) else { return nil }
            switch g_unichar_type(value) {
            case G_UNICODE_CONTROL, G_UNICODE_FORMAT, G_UNICODE_SURROGATE, G_UNICODE_LINE_SEPARATOR,
                 G_UNICODE_PARAGRAPH_SEPARATOR, G_UNICODE_SPACE_SEPARATOR, G_UNICODE_UNASSIGNED, G_UNICODE_PRIVATE_USE:
                return nil
            default:
                break
            }
            if (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value) { return nil }
            let script = UInt32(bitPattern: g_unichar_get_script(value).rawValue)
            if first, script == inherited { return nil }
            first = false
            if script == common || script == inherited { continue }
            if let found, found != script { return nil }
            found = script
        }
        return found ?? common
    }

    /// Whether `scalar` may start or continue an emoji sequence, which Pango itemizes apart to give it an emoji font.
    private static func mayBeEmoji(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200D, 0x20E3, 0xFE0F, 0x1F000...0x1FAFF, 0xE0020...0xE007F: return true
        // No character before U+231A (WATCH) has emoji presentation: most words never ask the property tables.
        case ..<0x231A: return false
        default: return scalar.properties.isEmojiPresentation
        }
    }

    private func shapeItem(_ analysis: UnsafePointer<PangoAnalysis>, offset: Int, length itemLength: Int32, base: UnsafePointer<CChar>,
                           total length: Int32, size: Double, fonts: PangoFontContext) -> GlyphRun {
        let glyphString = pango_glyph_string_new()!
        defer { pango_glyph_string_free(glyphString) }
        pango_shape_with_flags(base + offset, itemLength, base, length, analysis, glyphString, PANGO_SHAPE_NONE)
        let count = Int(glyphString.pointee.num_glyphs)
        var glyphs: [ShapedGlyph] = []
        glyphs.reserveCapacity(count)
        for index in 0..<count {
            let info = glyphString.pointee.glyphs[index]
            glyphs.append(ShapedGlyph(glyph: info.glyph, width: info.geometry.width, xOffset: info.geometry.x_offset,
                                      yOffset: info.geometry.y_offset, cluster: glyphString.pointee.log_clusters[index]))
        }
        let bytes = UnsafeRawBufferPointer(start: base + offset, count: Int(itemLength))
        return run(glyphs, text: String(decoding: bytes, as: UTF8.self), size: size, face: fonts.fontFace(of: analysis.pointee.font),
                   isRightToLeft: analysis.pointee.level % 2 == 1)
    }

    /// The glyph run of `glyphs` as Pango gives them (Pango units, its empty and unknown glyphs), set in `face`.
    private func run(_ glyphs: [ShapedGlyph], text: String, size: Double, face: FontFace, isRightToLeft: Bool) -> GlyphRun {
        var missing = 0
        let scale = Double(PANGO_SCALE)
        let converted = glyphs.map { shaped in
            var id = shaped.glyph
            if id == PANGO_GLYPH_EMPTY {
                // Pango's glyph for characters drawn as nothing (joiners, bidi marks): kept for the cluster map only.
                id = GlyphRun.invisibleGlyph
            } else if id & PANGO_GLYPH_UNKNOWN_FLAG != 0 {
                missing += 1
                id = 0
            }
            return Glyph(id: id, advance: Double(shaped.width) / scale, xOffset: Double(shaped.xOffset) / scale,
                         yOffset: Double(shaped.yOffset) / scale, cluster: Int(shaped.cluster))
        }
        return GlyphRun(face: face, size: size, text: text, glyphs: converted, missingGlyphs: missing, isRightToLeft: isRightToLeft)
    }

    /// Ascent, descent and the shaped space of `font`.
    public func metrics(of font: FontRequest) -> FontMetrics {
        let description = description(for: font, families: familyList(font.family, script: .latin, language: "en"))
        defer { pango_font_description_free(description) }
        let metrics = pango_context_get_metrics(bundled.context, description, nil)
        defer { pango_font_metrics_unref(metrics) }
        let scale = Double(PANGO_SCALE)
        let space = shape(" ", font: font, language: "en").first
            ?? GlyphRun(face: FontFace(file: "", index: 0, postScriptName: "none"), size: font.size, text: " ",
                        glyphs: [Glyph(id: 0, advance: font.size / 4, cluster: 0)])
        return FontMetrics(ascent: Double(pango_font_metrics_get_ascent(metrics)) / scale,
                           descent: Double(pango_font_metrics_get_descent(metrics)) / scale,
                           capHeight: font.size * 0.71, space: space)
    }

    /// Pango's UAX #9 levels (through fribidi), one per Unicode scalar.
    public func embeddingLevels(of text: String, direction: TextDirection) -> [UInt8] {
        let count = text.unicodeScalars.count
        guard count > 0 else { return [] }
        var base = direction == .rightToLeft ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR
        let levels: UnsafeMutablePointer<UInt8>? = text.withCString { pango_log2vis_get_embedding_levels($0, -1, &base) }
        guard let levels else { return Array(repeating: direction == .rightToLeft ? 1 : 0, count: count) }
        defer { g_free(levels) }
        return Array(UnsafeBufferPointer(start: levels, count: count))
    }

    /// ICU's line-break opportunities (UAX #14, with its dictionaries for Thai, Lao, Khmer and Myanmar, which
    /// Pango lacks but for Thai), one per Unicode scalar.
    public func lineBreakOpportunities(in text: String, language: String) -> [Bool] {
        let count = text.unicodeScalars.count
        guard count > 0 else { return [] }
        let units = Array(text.utf16)
        var breaks = [UInt8](repeating: 0, count: units.count)
        if let breaker = lineBreaker(for: language) {
            _ = galley_line_breaker_fill(breaker, units, Int32(units.count), &breaks)
        }
        // From UTF-16 units to scalars: a scalar outside the Basic Multilingual Plane takes two units.
        var result: [Bool] = []
        result.reserveCapacity(count)
        var unit = 0
        for scalar in text.unicodeScalars {
            result.append(breaks[unit] != 0)
            unit += scalar.utf16.count
        }
        return result
    }

    private func lineBreaker(for language: String) -> UnsafeMutableRawPointer? {
        if let known = lineBreakers[language] { return known }
        guard let made = galley_line_breaker_open(language) else { return nil }
        lineBreakers[language] = made
        return made
    }
}

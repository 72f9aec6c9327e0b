import Foundation
import GalleyModel
import GalleyStyle

extension NodeListBuilder {
    /// Characters after which a word may break without a hyphen being added.
    private static let breakAfter: Set<Character> = ["-", "\u{2010}", "\u{2013}", "\u{2014}", "/"]

    /// Whether `scalar` is one of `breakAfter`'s: the quick test most words pass, as a switch rather than a set,
    /// whose lookup hashed every scalar of every new word.
    private static func breaksAfter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "-", "\u{2010}", "\u{2013}", "\u{2014}", "/": true
        default: false
        }
    }

    /// Appends a word (text between spaces, or a piece of one of one bidi level) as boxes, with breaks after its
    /// hyphens and dashes and discretionary hyphens where the dictionary allows.
    func appendWord(_ word: String, run: StyledText, level: UInt8, to nodes: inout [Node]) {
        if !run.isVerbatim, !word.unicodeScalars.contains(where: Self.breaksAfter) {
            appendPiece(word, run: run, level: level, to: &nodes)
            return
        }
        // Split after explicit hyphens and dashes (and slashes in links), keeping the character.
        var pieces: [String] = []
        var current = ""
        let characters = Array(word)
        for (offset, character) in characters.enumerated() {
            current.append(character)
            let isLast = offset == characters.count - 1
            let slashAllowed = character != "/" || run.style.link != nil
            let verbatimBreak = run.isVerbatim && (character.isPunctuation || character.isSymbol)
            if !isLast, (Self.breakAfter.contains(character) && slashAllowed) || verbatimBreak, current.count > 1,
               verbatimBreak || characters[offset + 1].isLetter || characters[offset + 1].isNumber {
                pieces.append(current)
                current = ""
            }
        }
        if !current.isEmpty { pieces.append(current) }
        for (index, piece) in pieces.enumerated() {
            appendPiece(piece, run: run, level: level, to: &nodes)
            if index < pieces.count - 1 {
                if run.isVerbatim {
                    // Breaking code inside a token is a last resort, and never adds a hyphen.
                    nodes.append(.penalty(Penalty(width: 0, cost: 900, flagged: false)))
                    continue
                }
                let cost = piece.last == "/" ? 200.0 : parameters.hyphenPenalty
                nodes.append(.penalty(Penalty(width: 0, cost: cost, flagged: piece.last != "/")))
            }
        }
    }

    private func appendPiece(_ piece: String, run: StyledText, level: UInt8, to nodes: inout [Node]) {
        // Scalar tests, not Foundation's `contains`, which goes through CFString on every word.
        let hasSoftHyphen = piece.unicodeScalars.contains("\u{00AD}")
        let cleaned = hasSoftHyphen ? String(String.UnicodeScalarView(piece.unicodeScalars.filter { $0 != "\u{00AD}" })) : piece
        let direction: TextDirection = level % 2 == 1 ? .rightToLeft : .leftToRight
        // Most words on a first pass have neither soft hyphens nor dictionary points to look up.
        let fragments = hasSoftHyphen || run.hyphenate ? hyphenationFragments(piece, run: run) : []
        guard fragments.count > 1 else {
            // Not cached by style as well: a word met again is taken whole from `wordNodes`, and its shapes from the
            // shape cache, so a table of boxes was filled for nearly every new word and hit for few (602 and 57 in
            // the example article), and filling it cost more than the boxes it saved.
            for glyphRun in shape(cleaned, font: run.font, language: run.language, tracking: run.tracking, rise: run.rise, direction: direction) {
                nodes.append(.box(makeBox(glyphRun, style: run.style, level: level)))
            }
            return
        }
        let hyphen = shape("-", font: run.font, language: run.language).map { hyphenRun -> Box in
            var soft = hyphenRun
            soft.text = "\u{00AD}"
            soft.glyphs = soft.glyphs.map { var glyph = $0; glyph.cluster = 0; return glyph }
            return makeBox(soft, style: run.style, level: level, hangs: "-")
        }
        for (index, fragment) in fragments.enumerated() {
            for glyphRun in shape(fragment, font: run.font, language: run.language, tracking: run.tracking, rise: run.rise,
                                  direction: direction) {
                nodes.append(.box(makeBox(glyphRun, style: run.style, level: level)))
            }
            if index < fragments.count - 1 {
                nodes.append(.discretionary(Discretionary(preBreak: hyphen, penalty: parameters.hyphenPenalty)))
            }
        }
    }

    /// The parts of `piece` between its hyphenation points (soft hyphens or the dictionary's).
    private func hyphenationFragments(_ piece: String, run: StyledText) -> [String] {
        if piece.unicodeScalars.contains("\u{00AD}") {
            return piece.split(separator: "\u{00AD}", omittingEmptySubsequences: true).map(String.init)
        }
        guard run.hyphenate else { return [piece] }
        // Words recur all through an archive; their fragments are worked out once per language.
        let key = FragmentKey(piece: TextKey(piece), language: run.language)
        if let known = fragmentCache[key] { return known }
        let fragments = dictionaryFragments(piece, language: run.language)
        if fragmentCache.count >= Self.cacheLimit { fragmentCache.removeAll() }
        fragmentCache[key] = fragments
        return fragments
    }

    struct FragmentKey: Hashable {
        var piece: TextKey
        var language: String
    }

    private func dictionaryFragments(_ piece: String, language: String) -> [String] {
        // Scripts that are never hyphenated (Arabic, Chinese, Indic, Thai…) are not looked up at all.
        if let first = piece.unicodeScalars.first(where: { $0.properties.isAlphabetic }), let script = Script.of(first),
           !LanguageTag.hyphenatedScripts.contains(script) {
            return [piece]
        }
        let scalars = Array(piece.unicodeScalars)
        guard let first = scalars.firstIndex(where: { $0.properties.isAlphabetic }),
              let last = scalars.lastIndex(where: { $0.properties.isAlphabetic }) else { return [piece] }
        let core = scalars[first...last]
        guard core.count >= parameters.minimumWordLength,
              core.allSatisfy({ $0.properties.isAlphabetic || $0 == "\u{2019}" || $0 == "'" }),
              !core.allSatisfy({ !$0.properties.isLowercase }),
              core.dropFirst().contains(where: { $0.properties.isLowercase }) || core.count > 1 else { return [piece] }
        if core.dropFirst().contains(where: { $0.properties.isUppercase }) { return [piece] }
        let word = String(String.UnicodeScalarView(core))
        let points = hyphenator.hyphenationPoints(in: word, language: language)
        guard !points.isEmpty else { return [piece] }
        var fragments: [String] = []
        var start = 0
        for point in points.sorted() where point > 0 && point < core.count {
            let end = first + point
            fragments.append(String(String.UnicodeScalarView(scalars[start..<end])))
            start = end
        }
        fragments.append(String(String.UnicodeScalarView(scalars[start...])))
        return fragments
    }

    /// How much of a character's width hangs into the margin at a justified line's end (after microtype).
    private static let rightProtrusion: [Character: Double] = [
        ".": 0.7, ",": 0.7, ":": 0.5, ";": 0.5, "-": 0.7, "\u{2010}": 0.7, "\u{2013}": 0.5, "\u{2014}": 0.25,
        "\u{2019}": 0.7, "\u{201D}": 0.7, "\"": 0.5, "'": 0.5, "»": 0.5, "!": 0.2, "?": 0.2, ")": 0.1,
    ]
    private static let leftProtrusion: [Character: Double] = [
        "\u{201C}": 0.7, "\u{2018}": 0.7, "\"": 0.5, "'": 0.5, "«": 0.5, "(": 0.1,
    ]

    /// Whether `scalar` can end or begin a character of the protrusion tables: their keys, and the Greek question
    /// mark, which is canonically the semicolon and so equal to it as a `Character`.
    private static func mayProtrude(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", ",", ":", ";", "-", "\"", "'", "!", "?", "(", ")", "\u{2010}", "\u{2013}", "\u{2014}", "\u{2018}", "\u{2019}",
             "\u{201C}", "\u{201D}", "«", "»", "\u{037E}":
            true
        default:
            false
        }
    }

    private func makeBox(_ run: GlyphRun, style: TextStyle, level: UInt8, hangs: Character? = nil) -> Box {
        // Punctuation hangs only at the margins of left-to-right text, whose ends the tables describe.
        guard parameters.hangingPunctuation, level == 0 else {
            var box = Box(run: run, style: style)
            box.level = level
            return box
        }
        var left = 0.0, right = 0.0
        // The tables are for proportional punctuation; a full-width (CJK) quote or comma, whose ink fills only part of its
        // em, hangs half an em at most, so that its ink stays near the margin.
        let most = 0.5 * run.size
        // The tables are asked only when the text's first or last scalar is punctuation they might hold: finding a
        // first or last character (grapheme breaking) and hashing it cost more than the rest of a box.
        let scalars = run.text.unicodeScalars
        if let first = scalars.first, Self.mayProtrude(first), let firstCharacter = run.text.first,
           let fraction = Self.leftProtrusion[firstCharacter], let glyph = run.glyphs.first {
            left = min(fraction * glyph.advance, most)
        }
        let lastCharacter = hangs ?? scalars.last.flatMap { Self.mayProtrude($0) ? run.text.last : nil }
        if let lastCharacter, let fraction = Self.rightProtrusion[lastCharacter], let glyph = run.glyphs.last {
            right = min(fraction * glyph.advance, most)
        }
        return Box(run: run, style: style, protrusionLeft: left, protrusionRight: right)
    }
}

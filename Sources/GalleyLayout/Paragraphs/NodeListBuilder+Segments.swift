import GalleyModel
import GalleyStyle

/// Words of analysed paragraphs: text between spaces that changes bidi level inside, or that a line may break
/// inside without a hyphen (Chinese and Japanese between characters, Thai between dictionary words).
extension NodeListBuilder {
    /// How two neighbouring characters of a word are joined in the node list.
    enum Joint: Equatable {
        /// Nothing between them: one piece of text.
        case none
        /// Two characters of the Chinese and Japanese grid: stretchable space, a break where Unicode allows one.
        case ideographic(breakable: Bool)
        /// A Chinese or Japanese character beside a Latin letter or digit: a quarter em of space.
        case ideographicLatin(breakable: Bool)
        /// The end of a word that a dictionary found (Thai, Lao, Khmer, Myanmar): a break without a hyphen.
        case word

        /// The joint between `left` and `right`, given whether a line may break between them.
        static func between(_ left: Unicode.Scalar, _ right: Unicode.Scalar, mayBreak: Bool) -> Joint {
            let leftGrid = isGridCharacter(left), rightGrid = isGridCharacter(right)
            if leftGrid && rightGrid { return .ideographic(breakable: mayBreak) }
            if (Script.isIdeographic(left) && isAlphanumeric(right)) || (isAlphanumeric(left) && Script.isIdeographic(right)) {
                return .ideographicLatin(breakable: mayBreak)
            }
            guard mayBreak else { return .none }
            if leftGrid || rightGrid || isDictionaryScript(left) || isDictionaryScript(right) { return .word }
            return .none
        }

        /// Chinese characters, kana and their full-width punctuation: the characters set on an em grid.
        static func isGridCharacter(_ scalar: Unicode.Scalar) -> Bool {
            Script.isIdeographic(scalar) || ParagraphAnalysis.isIdeographicPunctuation(scalar)
        }

        private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.value < 0x80 { return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) }
            guard let script = Script.of(scalar) else { return false }
            return (script == .latin || script == .greek || script == .cyrillic) && scalar.properties.isAlphabetic
        }

        private static func isDictionaryScript(_ scalar: Unicode.Scalar) -> Bool {
            guard let script = Script.of(scalar) else { return false }
            return script.writesWordsWithoutSpaces && script != .han
        }
    }

    /// Whether the word at `offset` is one piece of one level, so that it can be set (and cached) as a plain word.
    func isUniform(_ word: Substring.UnicodeScalarView, at offset: Int, analysis: ParagraphAnalysis) -> Bool {
        let level = analysis.level(at: offset)
        var previous: Unicode.Scalar?
        var position = offset
        for scalar in word {
            if analysis.level(at: position) != level { return false }
            if let previous, Joint.between(previous, scalar, mayBreak: analysis.mayBreak(before: position)) != .none { return false }
            previous = scalar
            position += 1
        }
        return true
    }

    /// Appends a word that changes level or has joints inside: one piece per level run between joints, each given to
    /// `piece` with its level (which appends its nodes), and the joints' glue between them.
    func appendAnalyzedWord(_ word: Substring.UnicodeScalarView, at offset: Int, run: StyledText, analysis: ParagraphAnalysis,
                            justified: Bool, to nodes: inout [Node], piece setPiece: (String, UInt8, inout [Node]) -> Void) {
        let scalars = Array(word)
        var pieceStart = 0
        // The index of scalar `index` in `word`, kept beside it, so that a piece is a slice of the word's bytes and
        // not rebuilt scalar by scalar.
        var pieceStartIndex = word.startIndex
        var cursor = word.startIndex
        for index in 1...scalars.count {
            cursor = word.index(after: cursor)
            let position = offset + index
            let atEnd = index == scalars.count
            let joint = atEnd ? Joint.none
                : Joint.between(scalars[index - 1], scalars[index], mayBreak: analysis.mayBreak(before: position))
            let levelChanges = !atEnd && analysis.level(at: position) != analysis.level(at: position - 1)
            guard atEnd || joint != .none || levelChanges else { continue }
            setPiece(String(word[pieceStartIndex..<cursor]), analysis.level(at: offset + pieceStart), &nodes)
            if !atEnd, joint != .none {
                appendJoint(joint, run: run, justified: justified,
                            level: min(analysis.level(at: position - 1), analysis.level(at: position)), to: &nodes)
            }
            pieceStart = index
            pieceStartIndex = cursor
        }
    }

    /// The glue (and penalty) a joint becomes.
    private func appendJoint(_ joint: Joint, run: StyledText, justified: Bool, level: UInt8, to nodes: inout [Node]) {
        let em = run.font.size
        var width = 0.0, stretch = 0.0, shrink = 0.0
        var breakable = true
        switch joint {
        case .none:
            return
        case .ideographic(let allowed):
            stretch = em * parameters.resolvedInterCharacterStretch
            breakable = allowed
        case .ideographicLatin(let allowed):
            width = em * parameters.resolvedIdeographicLatinSpace
            stretch = width * parameters.spaceStretch
            shrink = width * parameters.spaceShrink
            breakable = allowed
        case .word:
            stretch = em * parameters.resolvedInterCharacterStretch
        }
        func glue(_ width: Double, _ stretch: Double, _ shrink: Double) -> Node {
            var made = Glue(width: width, stretch: stretch, shrink: shrink)
            made.level = level
            return .glue(made)
        }
        if !breakable { nodes.append(.penalty(Penalty(cost: Penalty.infinity))) }
        if justified || !breakable {
            nodes.append(glue(width, justified ? stretch : 0, justified ? shrink : 0))
        } else {
            // Ragged text keeps its stretch at the line's end, as for word spaces.
            let rag = 3 * em
            nodes += [glue(0, rag, 0), .penalty(Penalty(cost: 0)), glue(width, -rag, 0)]
        }
    }
}

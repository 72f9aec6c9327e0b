import GalleyModel
import GalleyStyle

/// Decides which way a paragraph reads, and mirrors its design when it reads right to left.
///
/// A layout's `left` and `right` mean the start and the end of a line: a right-to-left paragraph starts on the
/// right, so its alignment and indents are swapped (a left-aligned heading is set flush right, a list's indent and
/// bullet go to the right).
enum ParagraphDirection {
    /// The direction of text in `language`: the language's own, if the text has a letter of the language's script;
    /// otherwise that of the text's first letter with a direction (an English quotation in an Arabic article that
    /// nobody marked as English still reads left to right); otherwise the language's.
    static func of(_ runs: [StyledText], language: String) -> TextDirection {
        let tag = LanguageTag(language)
        let own = tag.script
        var first: TextDirection?
        for run in runs {
            guard let text = run.text else { continue }
            for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
                guard let script = Script.of(scalar) else { continue }
                if script == own { return tag.direction }
                if first == nil { first = script.isRightToLeft ? .rightToLeft : .leftToRight }
            }
        }
        return first ?? tag.direction
    }

    /// `paragraph` with its direction set from its text (in `language`, the block's) and, right to left, mirrored.
    static func resolve(_ paragraph: ParagraphSpec, language: String) -> ParagraphSpec {
        var result = paragraph
        result.direction = of(paragraph.runs, language: paragraph.runs.first { $0.text != nil }?.language ?? language)
        guard result.direction == .rightToLeft else { return result }
        if !paragraph.alignmentIsPhysical { result.alignment = mirrored(paragraph.alignment) }
        swap(&result.leftIndent, &result.rightIndent)
        return result
    }

    /// The alignment that mirrors `alignment`.
    static func mirrored(_ alignment: Alignment) -> Alignment {
        switch alignment {
        case .left: return .right
        case .right: return .left
        default: return alignment
        }
    }
}

import GalleyModel

/// Gives articles whose source did not say their language a detected one, and wraps blocks written in another
/// language than the article's in `Inline.language` spans, so that they are hyphenated and set by their own rules.
///
/// A declared language always wins: in an article whose language was declared, only blocks whose script that
/// language is not written in are marked (an Arabic paragraph in an English article). In an article whose language
/// was detected, long blocks that CLD2 confidently puts in another language are marked as well. Blocks whose text
/// is all inside language spans already are left alone.
public struct LanguageAnnotator: Sendable {
    /// The detector asked about whole articles and candidate blocks.
    public var detector: LanguageDetector
    /// The fewest letters a text needs before CLD2's answer is taken over the default language of its script; on
    /// less, CLD2 calls even a single word reliable ("Библиотека" comes out Serbian).
    public var minimumLettersToDetect: Int
    /// The fewest letters a block in a script of the article's language needs before CLD2 may overrule the
    /// article's language for it; an undeclared article only.
    public var minimumLettersToMark: Int
    /// The share of a block's text, in percent, CLD2 must give one language before it overrules the article's.
    public var minimumPercentToMark: Int
    /// The fewest words a heading in a script of the article's language needs before CLD2 may overrule the
    /// article's language for it.
    public var minimumHeadingWordsToMark: Int

    /// Creates an annotator; the defaults overrule an undetected article's language only for blocks of a few
    /// sentences that CLD2 is sure about.
    public init(detector: LanguageDetector = LanguageDetector(), minimumLettersToDetect: Int = 40,
                minimumLettersToMark: Int = 80, minimumPercentToMark: Int = 90, minimumHeadingWordsToMark: Int = 4) {
        self.detector = detector
        self.minimumLettersToDetect = minimumLettersToDetect
        self.minimumLettersToMark = minimumLettersToMark
        self.minimumPercentToMark = minimumPercentToMark
        self.minimumHeadingWordsToMark = minimumHeadingWordsToMark
    }

    /// Sets the language of an article whose source did not declare it, marks its blocks in other languages, and
    /// reports both; `languageDeclared` is left as it was.
    public func annotate(_ article: inout Article) -> LanguageReport {
        var report = LanguageReport()
        if !article.languageDeclared, let detected = detectArticleLanguage(article) {
            article.language = detected
            report.detectedLanguage = detected
        }
        let context = Context(language: article.language, declared: article.languageDeclared)
        if let deck = article.deck, let tag = tag(for: deck, isHeading: false, context) {
            article.deck = [.language(tag: tag, content: deck)]
            report.markedBlocks.append(MarkedBlock(path: "deck", tag: tag))
        }
        annotate(&article.body, path: "body", context, &report.markedBlocks)
        for index in article.notes.indices {
            annotate(&article.notes[index].content, path: "notes[\(index)].content", context, &report.markedBlocks)
        }
        for index in article.footnotes.indices {
            annotate(&article.footnotes[index].content, path: "footnotes[\(index)].content", context, &report.markedBlocks)
        }
        return report
    }

    /// The article's language and whether its source declared it.
    private struct Context {
        var language: String
        var declared: Bool
        /// Whether the language is written in Latin letters, so that a block of Latin letters alone is its own.
        var writtenInLatin: Bool

        init(language: String, declared: Bool) {
            self.language = language
            self.declared = declared
            writtenInLatin = LanguageScripts.isWritten(language, in: .latin) && LanguageScripts.scripts(of: language) != nil
        }
    }

    /// The language of all the article's text: CLD2's answer when there is enough text and CLD2 is sure of it,
    /// else the default language of the dominant script; nil when the article has no letters.
    private func detectArticleLanguage(_ article: Article) -> String? {
        var bytes: [UInt8] = []
        var profile = ScriptProfile()
        InlineText.walk(article) { piece in
            InlineText.append(piece, to: &bytes)
            profile.add(piece)
        }
        guard profile.letterCount > 0 else { return nil }
        if profile.letterCount >= minimumLettersToDetect, let detected = detector.detect(utf8: bytes), detected.reliable {
            return detected.tag
        }
        return profile.guessedLanguage
    }

    /// Marks the blocks, and the blocks inside quotes, lists and notes, whose language differs from the article's.
    private func annotate(_ blocks: inout [Block], path: String, _ context: Context, _ marked: inout [MarkedBlock]) {
        for index in blocks.indices {
            let blockPath = "\(path)[\(index)]"
            switch blocks[index] {
            case .paragraph(let content):
                if let tag = tag(for: content, isHeading: false, context) {
                    blocks[index] = .paragraph([.language(tag: tag, content: content)])
                    marked.append(MarkedBlock(path: blockPath, tag: tag))
                }
            case .heading(let level, let content):
                if let tag = tag(for: content, isHeading: true, context) {
                    blocks[index] = .heading(level: level, content: [.language(tag: tag, content: content)])
                    marked.append(MarkedBlock(path: blockPath, tag: tag))
                }
            case .pullQuote(let content, let attribution):
                if let tag = tag(for: content, isHeading: false, context) {
                    blocks[index] = .pullQuote(content: [.language(tag: tag, content: content)], attribution: attribution)
                    marked.append(MarkedBlock(path: blockPath, tag: tag))
                }
            case .quote(var content, let attribution):
                let count = marked.count
                annotate(&content, path: "\(blockPath).content", context, &marked)
                if marked.count > count { blocks[index] = .quote(content: content, attribution: attribution) }
            case .note(let label, var content):
                let count = marked.count
                annotate(&content, path: "\(blockPath).content", context, &marked)
                if marked.count > count { blocks[index] = .note(label: label, content: content) }
            case .list(let ordered, var items):
                let count = marked.count
                for item in items.indices {
                    annotate(&items[item], path: "\(blockPath).items[\(item)]", context, &marked)
                }
                if marked.count > count { blocks[index] = .list(ordered: ordered, items: items) }
            case .rule, .figure, .table, .preformatted:
                break
            }
        }
    }

    /// The language to mark a block's content with, or nil to leave it unmarked.
    private func tag(for content: [Inline], isHeading: Bool, _ context: Context) -> String? {
        // The scan of scalars below is all that a block in a script of the article's language costs when the
        // language was declared; CLD2 is asked only about candidates. Text inside language spans is not counted,
        // so a block whose text is all in spans has no letters here and is never marked again.
        if context.declared, context.writtenInLatin, InlineText.isLatinOnly(content) { return nil }
        let profile = InlineText.profile(content)
        guard let script = profile.dominantScript else { return nil }

        // A block with a tenth of its letters or more in the article's own scripts is the article's language with
        // foreign words in it (a Korean heading about `useEffect` and React), not a foreign block.
        let ownScripts = LanguageScripts.scripts(of: context.language) ?? []
        let ownLetters = ownScripts.reduce(0) { $0 + profile.count(of: $1) }
        if !LanguageScripts.isWritten(context.language, in: script), ownLetters * 10 < profile.letterCount {
            // Whatever the length, this cannot be the article's language: find the language among those of the script.
            var tag = script.defaultLanguage
            if profile.letterCount >= minimumLettersToDetect,
               let detected = detector.detect(utf8: InlineText.detectionBytes(content)), detected.reliable,
               LanguageScripts.isWritten(detected.tag, in: script) {
                tag = detected.tag
            }
            // The article's own language in another of its scripts (a Latin paragraph in a `sr-Cyrl` article).
            if BCP47.sameLanguage(tag, context.language) { tag = "\(BCP47.primary(of: tag))-\(script.code)" }
            return tag
        }

        guard !context.declared, profile.letterCount >= minimumLettersToMark,
              !isHeading || profile.wordEstimate >= minimumHeadingWordsToMark,
              let detected = detector.detect(utf8: InlineText.detectionBytes(content)),
              detected.reliable, detected.percent >= minimumPercentToMark,
              !BCP47.sameLanguage(detected.tag, context.language),
              LanguageScripts.isWritten(detected.tag, in: script)
        else { return nil }
        return detected.tag
    }
}

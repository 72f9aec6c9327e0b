import GalleyModel
import GalleyStyle

/// Flattens nested inline markup into styled runs for the node-list builder.
struct InlineFlattener {
    let base: ResolvedStyle
    let language: String
    /// The family used for `code` spans.
    let codeFamily: String
    /// The printed number of each footnote id.
    var footnoteNumbers: [String: Int] = [:]
    /// The article's web address: a link to `#anchor` in its text points at an anchor of that page.
    var pageAddress: String?

    func runs(_ inlines: [Inline]) -> [StyledText] {
        var result: [StyledText] = []
        let start = StyledText("", font: base.font, style: TextStyle(color: base.color), language: language,
                               hyphenate: base.style.hyphenate, tracking: base.style.tracking)
        append(inlines, template: start, into: &result)
        return result.filter { $0.text == nil || !$0.text!.isEmpty }
    }

    /// Where a link leads: an in-page `#anchor` of the web article is taken to that page, because the PDF's own
    /// destinations have Galley's names; without a page address it stays as it is (and is drawn unlinked unless
    /// the PDF happens to have that name).
    static func target(of url: String, on pageAddress: String?) -> String {
        guard url.hasPrefix("#"), url.count > 1, let pageAddress, !pageAddress.isEmpty else { return url }
        let page = pageAddress.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? pageAddress
        return page + url
    }

    /// Runs of plain `text` in the base style.
    func runs(_ text: String, link: String? = nil) -> [StyledText] {
        runs(link.map { [.link(url: $0, content: [.text(text)])] } ?? [.text(text)])
    }

    /// Superscripts and subscripts: 70 % of the size, raised by a third of the size or lowered by a sixth.
    static func shifted(_ run: StyledText, up: Bool) -> StyledText {
        var shifted = run
        shifted.font.size = run.font.size * 0.7
        shifted.rise = run.rise + (up ? run.font.size * 0.33 : -run.font.size * 0.15)
        shifted.hyphenate = false
        return shifted
    }

    private func append(_ inlines: [Inline], template: StyledText, into result: inout [StyledText]) {
        for inline in inlines {
            var run = template
            switch inline {
            case .text(let text):
                run.text = base.style.uppercase ? text.uppercased() : text
                result.append(run)
            case .code(let text):
                run.text = text
                run.font.family = codeFamily
                run.hyphenate = false
                result.append(run)
            case .emphasis(let content):
                run.font.italic.toggle()
                append(content, template: run, into: &result)
            case .strong(let content):
                run.font.bold = true
                append(content, template: run, into: &result)
            case .link(let url, let content):
                run.style.link = Self.target(of: url, on: pageAddress)
                run.hyphenate = false
                append(content, template: run, into: &result)
            case .language(let tag, let content):
                run.language = tag
                // Kept in the style too, so that the tagged PDF can give the passage its own /Lang.
                run.style.language = tag
                append(content, template: run, into: &result)
            case .lineBreak:
                result.append(.lineBreak(font: run.font, style: run.style, language: run.language))
            case .superscript(let content):
                append(content, template: Self.shifted(run, up: true), into: &result)
            case .subscript(let content):
                append(content, template: Self.shifted(run, up: false), into: &result)
            case .strikethrough(let content):
                append(content, template: run, into: &result)
            case .footnoteReference(let id):
                var call = Self.shifted(run, up: true)
                call.text = footnoteNumbers[id].map(String.init) ?? "?"
                call.style.link = nil
                call.style.footnote = id
                call.hyphenate = false
                result.append(call)
            }
        }
    }
}

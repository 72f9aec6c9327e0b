import Foundation
import GalleyDiagnostics
import GalleyModel

/// Checks the values of a decoded layout that types alone cannot: sizes, ranges, colours, templates.
struct StyleSheetValidator {
    let file: String
    let locator: YAMLLocator

    private func fail(_ path: String, _ message: String) -> Diagnostic {
        let keys = path.split(separator: ".").map { AnyKey(String($0)) }
        return Diagnostic(file: file, line: locator.line(of: keys), path: path, message: message)
    }

    func validate(_ sheet: StyleSheet) throws {
        let page = sheet.page
        guard page.size.width.points > 0, page.size.height.points > 0 else { throw fail("page.size", "the page must have a positive size") }
        for (name, margin) in [("top", page.margins.top), ("bottom", page.margins.bottom), ("inner", page.margins.inner), ("outer", page.margins.outer)] {
            guard margin.points >= 0 else { throw fail("page.margins.\(name)", "a margin cannot be negative") }
        }
        guard sheet.textWidth >= 72 else { throw fail("page.margins", "the margins leave a text block \(Int(sheet.textWidth)) pt wide; at least 72 pt is needed") }
        guard sheet.textHeight >= 144 else { throw fail("page.margins", "the margins leave a text block \(Int(sheet.textHeight)) pt high; at least 144 pt is needed") }
        let mirror = Mirror(reflecting: sheet.styles)
        for child in mirror.children {
            guard let name = child.label, let style = child.value as? ParagraphStyle else { continue }
            try validate(style, path: "styles.\(name)", textWidth: sheet.textWidth)
        }
        let breaking = sheet.lineBreaking
        guard ["first-fit", "knuth-plass"].contains(breaking.algorithm) else {
            throw fail("lineBreaking.algorithm", "unknown line breaker \(QuotedValue.quote(breaking.algorithm)) (expected first-fit or knuth-plass)")
        }
        guard breaking.tolerance > 0, breaking.pretolerance >= 0 else { throw fail("lineBreaking.tolerance", "tolerances must be positive") }
        // PDF/UA-1 needs the tags; PDF/A is written by the same finishing pass, which works from them.
        guard sheet.pdf.tagged || sheet.pdf.standard == .none else {
            throw fail("pdf.tagged", "pdf.standard \(sheet.pdf.standard.rawValue) needs a tagged PDF; remove tagged: false")
        }
        guard (0...1).contains(breaking.spaceShrink) else { throw fail("lineBreaking.spaceShrink", "must be between 0 and 1 (a fraction of the space)") }
        guard breaking.spaceStretch >= 0 else { throw fail("lineBreaking.spaceStretch", "cannot be negative") }
        guard breaking.minimumWordLength >= 2 else { throw fail("lineBreaking.minimumWordLength", "must be at least 2") }
        // Beyond a few per cent, widened and narrowed letters show side by side; pdfTeX's users keep to 2 or 3 %.
        guard (0...0.05).contains(breaking.resolvedGlyphExpansion) else {
            throw fail("lineBreaking.glyphExpansion", "must be between 0 and 0.05 (a fraction of the glyphs' width; 0.02 is ±2 %)")
        }
        guard breaking.resolvedGlyphExpansionStep > 0, breaking.resolvedGlyphExpansionStep <= max(breaking.resolvedGlyphExpansion, 0.05) else {
            throw fail("lineBreaking.glyphExpansionStep", "must be more than 0 and at most 0.05")
        }
        let rules = sheet.pagination
        for (name, value) in [("orphans", rules.orphans), ("widows", rules.widows), ("keepWithHeading", rules.keepWithHeading)] {
            guard (1...10).contains(value) else { throw fail("pagination.\(name)", "must be a number of lines from 1 to 10") }
        }
        if let columns = sheet.columns { try validate(columns, textWidth: sheet.textWidth) }
        for (section, color) in (sheet.sectionColors ?? [:]).sorted(by: { $0.key < $1.key }) where !Self.isColor(color) {
            throw fail("sectionColors.\(section)", "\(QuotedValue.quote(color)) is not a colour (write #rrggbb)")
        }
        if let dropCap = sheet.dropCap {
            guard (2...4).contains(dropCap.lines) else { throw fail("dropCap.lines", "must be 2, 3 or 4 lines") }
            if let color = dropCap.color, !Self.isColor(color) {
                throw fail("dropCap.color", "\(QuotedValue.quote(color)) is not a colour (write #rrggbb)")
            }
        }
        if let figures = sheet.figures {
            guard !figures.placement.isEmpty else { throw fail("figures.placement", "name at least one of \(FigurePlacement.names)") }
            guard Set(figures.placement).count == figures.placement.count else {
                throw fail("figures.placement", "names a place twice (each of \(FigurePlacement.names) at most once)")
            }
        }
        try validateLabels(sheet.labels)
        for (name, stack) in sheet.fonts {
            guard !stack.primary.isEmpty else { throw fail("fonts.\(name).default", "the default family is empty") }
            for key in stack.scripts.keys.sorted() where !FontStack.isValidKey(key) {
                throw fail("fonts.\(name).\(key)", "not a script (expected one of \(Script.allCases.map(\.rawValue).joined(separator: ", ")), optionally followed by - and a language tag, as in han-ja)")
            }
        }
        let known = ["publication", "site", "colophon", "title", "authors", "source", "page", "pages", "folio"]
        for (name, line) in [("header", sheet.header), ("footer", sheet.footer)] {
            guard line.logoHeight.points > 0, line.logoHeight.points <= 144 else {
                throw fail("\(name).logoHeight", "the logo's height must be more than 0 and at most 144 pt (2 in)")
            }
            for (side, template) in [("left", line.left), ("right", line.right)] {
                for field in Self.placeholders(in: template) where !known.contains(field) {
                    throw fail("\(name).\(side)", "unknown placeholder {\(field)} (expected one of: \(known.map { "{\($0)}" }.joined(separator: ", ")))")
                }
            }
        }
    }

    /// Checks label overrides by language: tags, placeholders and unit counts. Also used for `galley.yaml`'s labels,
    /// whose paths (`labels.fr.byline`) are the same.
    func validateLabels(_ labels: [String: LabelOverrides]) throws {
        for (language, overrides) in labels {
            guard LanguageTag.isWellFormed(language) else {
                throw fail("labels.\(language)", "\(QuotedValue.quote(language)) is not a language tag (expected e.g. fr, pt-BR, zh-Hant)")
            }
            let templates: [(String, String?, Set<String>)] = [
                ("byline", overrides.byline, ["authors"]), ("translated", overrides.translated, ["translator"]),
                ("translatedFrom", overrides.translatedFrom, ["translator", "source"]), ("folio", overrides.folio, ["page", "pages"]),
            ]
            for (field, template, names) in templates {
                guard let template else { continue }
                for name in Self.placeholders(in: template) where !names.contains(name) {
                    throw fail("labels.\(language).\(field)", "unknown placeholder {\(name)} (expected \(names.sorted().map { "{\($0)}" }.joined(separator: ", ")))")
                }
            }
            if let units = overrides.sizeUnits, units.count != 4 {
                throw fail("labels.\(language).sizeUnits", "expected four units: bytes, KiB, MiB and GiB")
            }
        }
    }

    private func validate(_ columns: ColumnSettings, textWidth: Double) throws {
        guard (1...6).contains(columns.count) else { throw fail("columns.count", "must be a number of columns from 1 to 6") }
        guard columns.gutter.points >= 0 else { throw fail("columns.gutter", "cannot be negative") }
        guard columns.rule.points >= 0, columns.rule.points <= columns.gutter.points else {
            throw fail("columns.rule", "the rule must be from 0 to the gutter's width (\(columns.gutter.points) pt)")
        }
        guard Self.isColor(columns.ruleColor) else { throw fail("columns.ruleColor", "\(QuotedValue.quote(columns.ruleColor)) is not a colour (write #rrggbb)") }
        let width = columns.width(in: textWidth)
        guard width >= 72 else {
            throw fail("columns", "\(columns.count) columns with a \(columns.gutter.points) pt gutter are \(Int(width)) pt wide; at least 72 pt is needed")
        }
        guard let overrides = columns.lineBreaking else { return }
        if let tolerance = overrides.tolerance, tolerance <= 0 { throw fail("columns.lineBreaking.tolerance", "tolerances must be positive") }
        if let pretolerance = overrides.pretolerance, pretolerance < 0 { throw fail("columns.lineBreaking.pretolerance", "cannot be negative") }
        if let shrink = overrides.spaceShrink, !(0...1).contains(shrink) {
            throw fail("columns.lineBreaking.spaceShrink", "must be between 0 and 1 (a fraction of the space)")
        }
        if let stretch = overrides.spaceStretch, stretch < 0 { throw fail("columns.lineBreaking.spaceStretch", "cannot be negative") }
        if let length = overrides.minimumWordLength, length < 2 { throw fail("columns.lineBreaking.minimumWordLength", "must be at least 2") }
    }

    private func validate(_ style: ParagraphStyle, path: String, textWidth: Double) throws {
        guard style.size.points > 0, style.size.points <= 200 else { throw fail("\(path).size", "a type size must be between 0 and 200 pt") }
        guard style.leading.points >= style.size.points * 0.8 else {
            throw fail("\(path).leading", "leading \(style.leading.points) pt is too tight for \(style.size.points) pt type (at least 0.8 × the size)")
        }
        guard style.leftIndent.points + style.rightIndent.points + style.firstLineIndent.points < textWidth / 2 else {
            throw fail(path, "the indents leave less than half of the text block")
        }
        guard Self.isColor(style.color) else { throw fail("\(path).color", "\(QuotedValue.quote(style.color)) is not a colour (write #rrggbb)") }
    }

    static func isColor(_ text: String) -> Bool {
        text.count == 7 && text.first == "#" && text.dropFirst().allSatisfy(\.isHexDigit)
    }

    static func placeholders(in template: String) -> [String] {
        var result: [String] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return result
    }
}

import GalleyFiles

/// A decoded layout as bytes, and back, without `Codable`: a cold start decoding a layout through Yams and `Codable`
/// spent a seventh of its time, most of it in the Swift runtime instantiating generic containers and scanning
/// conformance records, once per type; reading these bytes touches none of that.
///
/// Every field is written in declaration order; `encode` checks that the bytes read back to an equal sheet and gives
/// nil otherwise, so a field added to a layout type and forgotten here costs the cache, never a setting.
enum StyleSheetArchive {
    /// Changes whenever the bytes of any type change, so that a cache written by another build is a miss.
    static let formatVersion: UInt32 = 4
    private static let magic = Array("GLYS".utf8)

    /// The bytes of `sheet`, or nil when they would not read back to an equal sheet.
    static func encode(_ sheet: StyleSheet) -> [UInt8]? {
        var writer = ByteWriter()
        writer.append(magic)
        writer.integer(formatVersion)
        writer.sheet(sheet)
        let bytes = writer.bytes
        return decode(bytes) == sheet ? bytes : nil
    }

    /// The sheet `bytes` hold, or nil when they are short, damaged or of another format version.
    static func decode(_ bytes: some Collection<UInt8>) -> StyleSheet? {
        var reader = ByteReader(bytes)
        guard reader.bytes(magic.count) == magic, reader.integer(UInt32.self) == formatVersion else { return nil }
        guard let sheet = try? reader.sheet(), reader.isAtEnd else { return nil }
        return sheet
    }
}

/// A read past the end or a value out of range, which makes the whole archive a miss.
private struct DamagedArchive: Error {}

private extension ByteWriter {
    mutating func sheet(_ value: StyleSheet) {
        optional(value.identity) { writer, identity in
            for field in [identity.publication, identity.site, identity.colophon, identity.logo] { writer.optional(field) { $0.string($1) } }
        }
        length(value.page.size.width)
        length(value.page.size.height)
        for margin in [value.page.margins.top, value.page.margins.bottom, value.page.margins.inner, value.page.margins.outer] { length(margin) }
        sorted(value.fonts) { writer, stack in
            writer.string(stack.primary)
            writer.sorted(stack.scripts) { $0.string($1) }
        }
        let styles = value.styles
        for style in [styles.body, styles.kicker, styles.dateline, styles.title, styles.byline, styles.deck, styles.heading2,
                      styles.heading3, styles.quote, styles.attribution, styles.listItem, styles.note, styles.noteLabel,
                      styles.signOff, styles.credit, styles.relatedHeading, styles.relatedTopic, styles.relatedItem,
                      styles.publisherFooter, styles.code, styles.caption, styles.tableHeader, styles.tableCell, styles.footnote,
                      styles.runningHead, styles.runningFoot] {
            paragraphStyle(style)
        }
        optional(styles.pullQuote) { $0.paragraphStyle($1) }
        runningLine(value.header)
        runningLine(value.footer)
        bool(value.indentAfterHeading)
        lineBreaking(value.lineBreaking)
        signed(value.pagination.orphans)
        signed(value.pagination.widows)
        signed(value.pagination.keepWithHeading)
        string(value.notes.placement.rawValue)
        length(value.notes.ruleWidth)
        length(value.notes.ruleThickness)
        length(value.notes.separation)
        length(value.tables.cellPadding)
        length(value.tables.ruleThickness)
        length(value.tables.headerRuleThickness)
        string(value.tables.ruleColor)
        sorted(value.labels) { $0.labelOverrides($1) }
        string(value.pdf.compression.rawValue)
        string(value.pdf.standard.rawValue)
        bool(value.pdf.tagged)
        string(value.images.oversize.rawValue)
        optional(value.columns) { writer, columns in
            writer.signed(columns.count)
            writer.length(columns.gutter)
            writer.length(columns.rule)
            writer.string(columns.ruleColor)
            writer.optional(columns.lineBreaking) { writer, overrides in
                for value in [overrides.pretolerance, overrides.tolerance, overrides.hyphenPenalty, overrides.linePenalty,
                              overrides.spaceStretch, overrides.spaceShrink] {
                    writer.optional(value) { $0.double($1) }
                }
                writer.optional(overrides.minimumWordLength) { $0.signed($1) }
            }
            writer.bool(columns.baselineGrid)
            writer.bool(columns.spanFigures)
        }
        optional(value.dropCap) { writer, dropCap in
            writer.signed(dropCap.lines)
            writer.optional(dropCap.color) { $0.string($1) }
        }
        optional(value.sectionColors) { writer, colors in writer.sorted(colors) { $0.string($1) } }
        optional(value.figures) { writer, figures in
            writer.count(figures.placement.count)
            for place in figures.placement { writer.string(place.rawValue) }
        }
    }

    mutating func paragraphStyle(_ style: ParagraphStyle) {
        string(style.font)
        bool(style.bold)
        bool(style.italic)
        length(style.size)
        length(style.leading)
        string(style.align.rawValue)
        for length in [style.firstLineIndent, style.spaceBefore, style.spaceAfter, style.leftIndent, style.rightIndent] { self.length(length) }
        string(style.color)
        bool(style.uppercase)
        double(style.tracking)
        bool(style.hyphenate)
    }

    mutating func runningLine(_ line: RunningLine) {
        string(line.left)
        string(line.right)
        length(line.offset)
        length(line.rule)
        bool(line.onFirstPage)
        string(line.logo.rawValue)
        length(line.logoHeight)
    }

    mutating func lineBreaking(_ parameters: LineBreakingParameters) {
        string(parameters.algorithm)
        for value in [parameters.pretolerance, parameters.tolerance, parameters.hyphenPenalty, parameters.linePenalty,
                      parameters.doubleHyphenDemerits, parameters.finalHyphenDemerits, parameters.adjacentFitnessDemerits,
                      parameters.spaceStretch, parameters.spaceShrink] {
            double(value)
        }
        signed(parameters.minimumWordLength)
        bool(parameters.hangingPunctuation)
        optional(parameters.interCharacterStretch) { $0.double($1) }
        optional(parameters.ideographicLatinSpace) { $0.double($1) }
        optional(parameters.glyphExpansion) { $0.double($1) }
        optional(parameters.glyphExpansionStep) { $0.double($1) }
    }

    mutating func labelOverrides(_ labels: LabelOverrides) {
        for field in [labels.byline, labels.translated, labels.translatedFrom, labels.related, labels.contents, labels.notes,
                      labels.folio, labels.listSeparator, labels.listLastSeparator] {
            optional(field) { $0.string($1) }
        }
        optional(labels.sizeUnits) { writer, units in
            writer.count(units.count)
            units.forEach { writer.string($0) }
        }
        optional(labels.decimalSeparator) { $0.string($1) }
    }

    mutating func length(_ value: Length) { double(value.points) }
    mutating func bool(_ value: Bool) { append([value ? 1 : 0]) }

    mutating func optional<Value>(_ value: Value?, _ write: (inout ByteWriter, Value) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    /// A dictionary in the order of its keys, so the same sheet always gives the same bytes.
    mutating func sorted<Value>(_ dictionary: [String: Value], _ write: (inout ByteWriter, Value) -> Void) {
        count(dictionary.count)
        for key in dictionary.keys.sorted() {
            string(key)
            write(&self, dictionary[key]!)
        }
    }
}

private extension ByteReader {
    mutating func sheet() throws -> StyleSheet {
        let identity = try optional { reader in
            PublisherIdentity(publication: try reader.optional { try $0.text() }, site: try reader.optional { try $0.text() },
                              colophon: try reader.optional { try $0.text() }, logo: try reader.optional { try $0.text() })
        }
        let page = PageSpec(size: PageSize(width: try length(), height: try length()),
                            margins: Margins(top: try length(), bottom: try length(), inner: try length(), outer: try length()))
        let fonts = try dictionary { reader in
            FontStack(primary: try reader.text(), scripts: try reader.dictionary { try $0.text() })
        }
        var styles = Styles(body: try paragraphStyle(), kicker: try paragraphStyle(), dateline: try paragraphStyle(),
                            title: try paragraphStyle(), byline: try paragraphStyle(), deck: try paragraphStyle(),
                            heading2: try paragraphStyle(), heading3: try paragraphStyle(), quote: try paragraphStyle(),
                            attribution: try paragraphStyle(), listItem: try paragraphStyle(), note: try paragraphStyle(),
                            noteLabel: try paragraphStyle(), signOff: try paragraphStyle(), credit: try paragraphStyle(),
                            relatedHeading: try paragraphStyle(), relatedTopic: try paragraphStyle(), relatedItem: try paragraphStyle(),
                            publisherFooter: try paragraphStyle(), code: try paragraphStyle(), caption: try paragraphStyle(),
                            tableHeader: try paragraphStyle(), tableCell: try paragraphStyle(), footnote: try paragraphStyle(),
                            runningHead: try paragraphStyle(), runningFoot: try paragraphStyle())
        styles.pullQuote = try optional { try $0.paragraphStyle() }
        let header = try runningLine()
        let footer = try runningLine()
        let indentAfterHeading = try bool()
        let lineBreaking = try lineBreaking()
        let pagination = PaginationRules(orphans: try integer(), widows: try integer(), keepWithHeading: try integer())
        let notes = NoteSettings(placement: try choice(), ruleWidth: try length(), ruleThickness: try length(), separation: try length())
        let tables = TableSettings(cellPadding: try length(), ruleThickness: try length(), headerRuleThickness: try length(), ruleColor: try text())
        let labels = try dictionary { try $0.labelOverrides() }
        let pdf = PDFSettings(compression: try choice(), standard: try choice(), tagged: try bool())
        let images = ImageSettings(oversize: try choice())
        let columns = try optional { reader in
            ColumnSettings(count: try reader.integer(), gutter: try reader.length(), rule: try reader.length(), ruleColor: try reader.text(),
                           lineBreaking: try reader.optional { reader in
                               func number(_ reader: inout ByteReader) throws -> Double? { try reader.optional { try $0.number() } }
                               return LineBreakingOverrides(pretolerance: try number(&reader), tolerance: try number(&reader),
                                                            hyphenPenalty: try number(&reader), linePenalty: try number(&reader),
                                                            spaceStretch: try number(&reader), spaceShrink: try number(&reader),
                                                            minimumWordLength: try reader.optional { try $0.integer() })
                           }, baselineGrid: try reader.bool(), spanFigures: try reader.bool())
        }
        return StyleSheet(identity: identity, page: page, fonts: fonts, styles: styles, header: header, footer: footer,
                          indentAfterHeading: indentAfterHeading, lineBreaking: lineBreaking, pagination: pagination, notes: notes,
                          tables: tables, labels: labels, pdf: pdf, images: images, columns: columns,
                          dropCap: try optional { reader in
                              DropCapSettings(lines: try reader.integer(), color: try reader.optional { try $0.text() })
                          },
                          sectionColors: try optional { reader in try reader.dictionary { try $0.text() } },
                          figures: try optional { reader in
                              guard let count = reader.count(limit: FigurePlacement.allCases.count) else { throw DamagedArchive() }
                              return FigureSettings(placement: try (0..<count).map { _ in try reader.choice() })
                          })
    }

    mutating func paragraphStyle() throws -> ParagraphStyle {
        ParagraphStyle(font: try text(), bold: try bool(), italic: try bool(), size: try length(), leading: try length(), align: try choice(),
                       firstLineIndent: try length(), spaceBefore: try length(), spaceAfter: try length(), leftIndent: try length(),
                       rightIndent: try length(), color: try text(), uppercase: try bool(), tracking: try number(), hyphenate: try bool())
    }

    mutating func runningLine() throws -> RunningLine {
        RunningLine(left: try text(), right: try text(), offset: try length(), rule: try length(), onFirstPage: try bool(),
                    logo: try choice(), logoHeight: try length())
    }

    mutating func lineBreaking() throws -> LineBreakingParameters {
        LineBreakingParameters(algorithm: try text(), pretolerance: try number(), tolerance: try number(), hyphenPenalty: try number(),
                               linePenalty: try number(), doubleHyphenDemerits: try number(), finalHyphenDemerits: try number(),
                               adjacentFitnessDemerits: try number(), spaceStretch: try number(), spaceShrink: try number(),
                               minimumWordLength: try integer(), hangingPunctuation: try bool(),
                               interCharacterStretch: try optional { try $0.number() }, ideographicLatinSpace: try optional { try $0.number() },
                               glyphExpansion: try optional { try $0.number() }, glyphExpansionStep: try optional { try $0.number() })
    }

    mutating func labelOverrides() throws -> LabelOverrides {
        func field(_ reader: inout ByteReader) throws -> String? { try reader.optional { try $0.text() } }
        return LabelOverrides(byline: try field(&self), translated: try field(&self), translatedFrom: try field(&self),
                              related: try field(&self), contents: try field(&self), notes: try field(&self), folio: try field(&self),
                              listSeparator: try field(&self), listLastSeparator: try field(&self),
                              sizeUnits: try optional { reader in
                                  guard let count = reader.count() else { throw DamagedArchive() }
                                  return try (0..<count).map { _ in try reader.text() }
                              },
                              decimalSeparator: try field(&self))
    }

    mutating func text() throws -> String {
        guard let value = string() else { throw DamagedArchive() }
        return value
    }

    mutating func number() throws -> Double {
        guard let value = double() else { throw DamagedArchive() }
        return value
    }

    mutating func integer() throws -> Int {
        guard let value = signed() else { throw DamagedArchive() }
        return value
    }

    mutating func length() throws -> Length { Length(points: try number()) }

    mutating func bool() throws -> Bool {
        switch byte() {
        case 0: return false
        case 1: return true
        default: throw DamagedArchive()
        }
    }

    /// One case of an enumeration, by its raw value.
    mutating func choice<Value: RawRepresentable<String>>() throws -> Value {
        guard let value = Value(rawValue: try text()) else { throw DamagedArchive() }
        return value
    }

    mutating func optional<Value>(_ read: (inout ByteReader) throws -> Value) throws -> Value? {
        try bool() ? try read(&self) : nil
    }

    mutating func dictionary<Value>(_ read: (inout ByteReader) throws -> Value) throws -> [String: Value] {
        guard let count = count() else { throw DamagedArchive() }
        var result: [String: Value] = [:]
        for _ in 0..<count {
            let key = try text()
            guard result[key] == nil else { throw DamagedArchive() }
            result[key] = try read(&self)
        }
        return result
    }
}

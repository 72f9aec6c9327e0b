import GalleyStyle
import Testing

/// Section accent colours: which sections a layout colours, and what takes the colour.
@Suite struct SectionColorTests {
    @Test func aListedSectionColoursItsKickerDropCapAndPullQuotesWhateverTheCase() throws {
        let sheet = try StyleSheetLoaderTests.loader.load("magazine-a4")
        #expect(sheet.sectionColor(for: "ECOLOGY") == "#2e7d32")
        #expect(sheet.sectionColor(for: "россия") == "#8a1c1c")
        let ecology = sheet.accented(forSection: "ecology")
        #expect(ecology.styles.kicker.color == "#2e7d32" && ecology.dropCap?.color == "#2e7d32")
        #expect((ecology.styles.pullQuote?.color ?? "#2e7d32") == "#2e7d32")
        #expect(ecology.styles.body == sheet.styles.body, "the text keeps its colour")
        // A section the layout does not list, or no section at all, keeps the layout's colours.
        #expect(sheet.accented(forSection: "Sport") == sheet)
        #expect(sheet.accented(forSection: nil) == sheet)
    }

    @Test(arguments: [
        StyleSheetLoaderTests.BadValue(yaml: "  Ecology: green", path: "sectionColors.Ecology", message: "is not a colour"),
        StyleSheetLoaderTests.BadValue(yaml: "  Ecology: [1, 2]", path: "sectionColors.Ecology", message: "expected a"),
    ])
    func aBadSectionColourIsRefused(_ bad: StyleSheetLoaderTests.BadValue) throws {
        try StyleSheetLoaderTests.expectRefused(bad, under: "sectionColors", onLines: 2...3)
    }
}

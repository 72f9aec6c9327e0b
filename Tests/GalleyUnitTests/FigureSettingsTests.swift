import GalleyStyle
import Testing

/// The layout's `figures.placement`: read, and refused when it names no place, a place twice or an unknown one.
@Suite struct FigureSettingsTests {
    @Test func theMagazineLayoutsPreferTheFootThenTheTopAndTheOthersWhereAFigureFalls() throws {
        #expect(try StyleSheetLoaderTests.loader.load("magazine-a4").figurePlacement == [.bottom, .top])
        #expect(try StyleSheetLoaderTests.loader.load("magazine-tabloid").figurePlacement == [.bottom, .top])
        #expect(try StyleSheetLoaderTests.loader.load("article-a4").figurePlacement == [.here, .top])
    }

    @Test(arguments: [
        StyleSheetLoaderTests.BadValue(yaml: "  placement: []", path: "figures.placement", message: "name at least one of here, bottom, top"),
        StyleSheetLoaderTests.BadValue(yaml: "  placement: [top, bottom, top]", path: "figures.placement", message: "names a place twice"),
        StyleSheetLoaderTests.BadValue(yaml: "  placement: [middle]", path: "figures.placement[0]", message: "middle"),
    ])
    func aBadPlacementIsRefused(_ bad: StyleSheetLoaderTests.BadValue) throws {
        try StyleSheetLoaderTests.expectRefused(bad, under: "figures", onLines: 2...3)
    }
}

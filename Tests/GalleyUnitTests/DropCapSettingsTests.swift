import Testing

/// What a layout may say about a drop cap, and what it is refused with.
@Suite struct DropCapSettingsTests {
    @Test(arguments: [
        StyleSheetLoaderTests.BadValue(yaml: "  lines: 6", path: "dropCap.lines", message: "must be 2, 3 or 4 lines"),
        StyleSheetLoaderTests.BadValue(yaml: "  lines: 3\n  color: red", path: "dropCap.color", message: "is not a colour"),
        StyleSheetLoaderTests.BadValue(yaml: "  color: \"#aa0000\"", path: "dropCap.lines", message: "missing required field"),
    ])
    func badDropCapGivesAClearError(_ bad: StyleSheetLoaderTests.BadValue) throws {
        try StyleSheetLoaderTests.expectRefused(bad, under: "dropCap", onLines: 2...4)
    }
}

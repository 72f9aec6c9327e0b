/// The text of a drawn part's pages, written as PDF operators by Galley rather than cairo: each page's operators, to
/// follow cairo's content, and the faces they show.
public struct PartText: Sendable {
    /// For each page of the part, the operators drawing its text (empty for a page without any).
    public var pages: [[UInt8]]
    /// The faces the part's pages use.
    public var fonts: [TextFontUse]
    /// For each page of the part, the indices in `fonts` of the faces it shows.
    public var fontsOfPage: [[Int]]

    /// Text for the part's pages.
    public init(pages: [[UInt8]] = [], fonts: [TextFontUse] = [], fontsOfPage: [[Int]] = []) {
        self.pages = pages
        self.fonts = fonts
        self.fontsOfPage = fontsOfPage
    }

    /// `cairo` (a page's content as cairo wrote it) followed by the page's own text, cairo's state saved and restored
    /// around its content so that the text starts from the page's default state.
    func content(ofPage index: Int, after cairo: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard index < pages.count, !pages[index].isEmpty else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(cairo.count + pages[index].count + 8)
        bytes.append(contentsOf: "q\n".utf8)
        bytes.append(contentsOf: cairo)
        bytes.append(contentsOf: "\nQ\n".utf8)
        bytes.append(contentsOf: pages[index])
        return bytes
    }
}

/// One font file (and face within it) that glyph ids refer to.
public struct FontFace: Codable, Sendable, Equatable, Hashable {
    /// The font file's path.
    public var file: String
    /// The face's index inside the file.
    public var index: Int
    /// The face's PostScript name, for dumps and diagnostics.
    public var postScriptName: String

    /// Creates a face reference.
    public init(file: String, index: Int, postScriptName: String) {
        self.file = file
        self.index = index
        self.postScriptName = postScriptName
    }
}

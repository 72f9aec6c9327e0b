/// One operation of a content stream: its operands and operator, as a byte range of the stream.
struct ContentOperation: Equatable {
    /// What an operator does, as far as marking content is concerned.
    enum Kind: UInt8, Equatable {
        /// `BT`
        case beginText
        /// `ET`
        case endText
        /// `Tj`, `TJ`, `'`, `"`: paints glyphs.
        case showText
        /// `m`, `l`, `c`, `v`, `y`, `h`, `re`: builds a path, painted later.
        case buildPath
        /// `S`, `s`, `f`, `F`, `f*`, `B`, `B*`, `b`, `b*`: paints the path.
        case paintPath
        /// `n`: ends a path without painting it (after a clip).
        case endPath
        /// `Do`, `sh`, and an inline image `BI … ID … EI`: paint on their own.
        case paint
        /// `BMC`
        case beginMarked
        /// `BDC`
        case beginMarkedWithProperties
        /// `EMC`
        case endMarked
        /// `q`
        case save
        /// `Q`
        case restore
        /// Any other operator: state, clipping (`W`), colours, text state.
        case other
    }

    /// The offset of the first operand (of the operator when there are none).
    var start: Int
    /// The offset of the operator.
    var operatorStart: Int
    /// The offset just past the operator (past `EI` for an inline image).
    var end: Int
    /// The operator's kind.
    var kind: Kind
}

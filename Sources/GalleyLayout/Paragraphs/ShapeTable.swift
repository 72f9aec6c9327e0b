/// The shaped runs of the texts met under one set of shaping settings: a class, so that the builder can keep the
/// table in use at hand and fill it without copying it.
final class ShapeTable {
    var runs: [TextKey: [GlyphRun]] = [:]
}

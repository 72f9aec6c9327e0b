/// One part of a document drawn in parts, read into Galley's store with its own share of the finish done
/// (`PDFFinisher.prepare`), waiting to be joined (`PDFFinisher.finish(prepared:…)`).
///
/// `@unchecked Sendable` because it is handed over once: the thread that drew and prepared the part gives it to the
/// thread that joins, and never touches it again.
public final class PDFPreparedPart: @unchecked Sendable {
    /// The part's file in Galley's store, fonts subset again and pages rewritten.
    let native: NativePDF
    /// For each of the part's pages, the marked-content ids its rewritten content kept.
    let keptMCIDs: [[Int32]]
    /// The text Galley wrote itself on the part's pages, whose fonts the join embeds.
    let text: PartText?

    init(native: NativePDF, keptMCIDs: [[Int32]], text: PartText?) {
        self.native = native
        self.keptMCIDs = keptMCIDs
        self.text = text
    }
}

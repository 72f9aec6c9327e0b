import Foundation
import GalleyLayout

/// Writes what the catalog and the information dictionary say about the whole document: marked, its language, its
/// title shown, its XMP metadata, its page labels, and an information dictionary that agrees with the XMP.
struct CatalogFinisher<Store: PDFObjectStore> {
    let document: Store

    /// Completes the catalog `root` and replaces the information dictionary.
    func finish(root: Store.Handle, metadata: DocumentMetadata, producer: String, date: PDFDate?, standard: PDFStandard,
                pageLabels: [PageLabelRange], pageCount: Int) {
        document.set(root, "/MarkInfo", document.dictionary(["/Marked": document.boolean(true)]))
        if !metadata.language.isEmpty { document.set(root, "/Lang", document.text(metadata.language)) }
        var preferences = document.get(root, "/ViewerPreferences")
        if !document.isDictionary(preferences) {
            preferences = document.dictionary([:])
            document.set(root, "/ViewerPreferences", preferences)
        }
        document.set(preferences, "/DisplayDocTitle", document.boolean(true))
        let packet = XMPPacket.make(metadata, producer: producer, date: date, standard: standard)
        document.set(root, "/Metadata", document.stream(Data(packet.utf8), [
            "/Type": document.name("/Metadata"), "/Subtype": document.name("/XML"),
        ]))
        let ranges = pageLabels.filter { $0.firstPage >= 0 && $0.firstPage < pageCount }.sorted { $0.firstPage < $1.firstPage }
        if !ranges.isEmpty {
            let numbers = document.array([])
            var previous = -1
            for range in ranges where range.firstPage != previous {
                let label = document.dictionary([:])
                if let style = range.style { document.set(label, "/S", document.name("/" + style.rawValue)) }
                if !range.prefix.isEmpty { document.set(label, "/P", document.text(range.prefix)) }
                if range.firstNumber != 1 { document.set(label, "/St", document.integer(max(1, range.firstNumber))) }
                document.append(numbers, document.integer(range.firstPage))
                document.append(numbers, label)
                previous = range.firstPage
            }
            // Page 0 must be labelled for the tree to cover every page; unlabelled leading pages get plain numbers.
            if ranges[0].firstPage != 0 {
                document.insert(numbers, at: 0, document.dictionary(["/S": document.name("/D")]))
                document.insert(numbers, at: 0, document.integer(0))
            }
            document.set(root, "/PageLabels", document.dictionary(["/Nums": numbers]))
        }

        let info = document.dictionary([:])
        let entries: [(String, String)] = [
            ("/Title", metadata.title), ("/Author", metadata.author), ("/Subject", metadata.subject),
            ("/Keywords", metadata.keywords), ("/Creator", metadata.creator), ("/Producer", producer),
        ]
        for (key, value) in entries where !value.isEmpty || key == "/Title" { document.set(info, key, document.text(value)) }
        if let date {
            document.set(info, "/CreationDate", document.text(date.pdf))
            document.set(info, "/ModDate", document.text(date.pdf))
        }
        document.set(document.trailer, "/Info", document.indirect(info))
    }
}

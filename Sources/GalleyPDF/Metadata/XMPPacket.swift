import GalleyLayout

/// The XMP metadata packet of a finished PDF, saying what its information dictionary says and which standards
/// it claims.
///
/// Every entry of the information dictionary has its XMP twin made from the same value: Title as `dc:title`,
/// Author as the single entry of `dc:creator` (PDF/A validators want the one entry to equal Author, so a list
/// of authors stays one string), Subject as `dc:description`, Keywords as `pdf:Keywords`, Creator as
/// `xmp:CreatorTool`, Producer as `pdf:Producer`, and the dates as `xmp:CreateDate` and `xmp:ModifyDate`.
enum XMPPacket {
    /// The packet for `metadata` with `producer`, the date already read, and the standard's identification.
    static func make(_ metadata: DocumentMetadata, producer: String, date: PDFDate?, standard: PDFStandard) -> String {
        var lines: [String] = [
            "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>",
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">",
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">",
            "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\""
                + " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
                + (standard.archivalPart != nil ? " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"" : "")
                + (standard == .ua1 ? " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"" : "") + ">",
            "<dc:format>application/pdf</dc:format>",
        ]
        // PDF/UA wants a title in the XMP even when it is empty; the other entries appear when they have a value.
        lines.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(metadata.title))</rdf:li></rdf:Alt></dc:title>")
        if !metadata.author.isEmpty {
            lines.append("<dc:creator><rdf:Seq><rdf:li>\(escape(metadata.author))</rdf:li></rdf:Seq></dc:creator>")
        }
        if !metadata.subject.isEmpty {
            lines.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(metadata.subject))</rdf:li></rdf:Alt></dc:description>")
        }
        if !metadata.language.isEmpty {
            lines.append("<dc:language><rdf:Bag><rdf:li>\(escape(metadata.language))</rdf:li></rdf:Bag></dc:language>")
        }
        if !metadata.keywords.isEmpty { lines.append("<pdf:Keywords>\(escape(metadata.keywords))</pdf:Keywords>") }
        if !producer.isEmpty { lines.append("<pdf:Producer>\(escape(producer))</pdf:Producer>") }
        if !metadata.creator.isEmpty { lines.append("<xmp:CreatorTool>\(escape(metadata.creator))</xmp:CreatorTool>") }
        if let date {
            lines.append("<xmp:CreateDate>\(date.xmp)</xmp:CreateDate>")
            lines.append("<xmp:ModifyDate>\(date.xmp)</xmp:ModifyDate>")
            lines.append("<xmp:MetadataDate>\(date.xmp)</xmp:MetadataDate>")
        }
        if let part = standard.archivalPart {
            lines.append("<pdfaid:part>\(part)</pdfaid:part>")
            lines.append("<pdfaid:conformance>B</pdfaid:conformance>")
        }
        if standard == .ua1 { lines.append("<pdfuaid:part>1</pdfuaid:part>") }
        lines.append(contentsOf: ["</rdf:Description>", "</rdf:RDF>", "</x:xmpmeta>", "<?xpacket end=\"w\"?>"])
        return lines.joined(separator: "\n")
    }

    /// `text` safe inside an XML element: markup characters escaped, characters XML 1.0 cannot hold dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: break
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

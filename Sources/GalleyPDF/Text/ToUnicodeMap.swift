/// The ToUnicode CMap of a font whose codes are two bytes: each code's text as UTF-16.
enum ToUnicodeMap {
    /// The CMap stream's bytes for `text` (each code's text in UTF-8).
    static func bytes(_ text: [UInt16: [UInt8]]) -> [UInt8] {
        var output: [UInt8] = []
        output.append(contentsOf: """
        /CIDInit /ProcSet findresource begin
        12 dict begin
        begincmap
        /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
        /CMapName /Adobe-Identity-UCS def
        /CMapType 2 def
        1 begincodespacerange
        <0000> <FFFF>
        endcodespacerange

        """.utf8)
        let codes = text.keys.sorted()
        // A CMap section holds at most 100 entries.
        var start = 0
        while start < codes.count {
            let end = min(start + 100, codes.count)
            output.append(contentsOf: "\(end - start) beginbfchar\n".utf8)
            for code in codes[start..<end] {
                output.append(UInt8(ascii: "<"))
                PDFNumbers.appendHex(code, to: &output)
                output.append(contentsOf: "> <".utf8)
                for unit in String(decoding: text[code]!, as: UTF8.self).utf16 { PDFNumbers.appendHex(unit, to: &output) }
                output.append(contentsOf: ">\n".utf8)
            }
            output.append(contentsOf: "endbfchar\n".utf8)
            start = end
        }
        output.append(contentsOf: """
        endcmap
        CMapName currentdict /CMap defineresource pop
        end
        end

        """.utf8)
        return output
    }
}

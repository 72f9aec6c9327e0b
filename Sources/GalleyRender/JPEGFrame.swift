import Foundation

/// The size and colour components of a JPEG, read from its start-of-frame segment.
struct JPEGFrame {
    let width: Int
    let height: Int
    let components: Int

    /// Walks the marker segments up to the first SOFn; `nil` if the data is not a well-formed JPEG header.
    init?(_ data: Data) {
        let bytes = [UInt8](data)
        var index = 2
        while index + 9 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            let isFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
            if isFrame {
                height = Int(bytes[index + 5]) << 8 | Int(bytes[index + 6])
                width = Int(bytes[index + 7]) << 8 | Int(bytes[index + 8])
                components = Int(bytes[index + 9])
                guard width > 0, height > 0 else { return nil }
                return
            }
            guard length >= 2 else { return nil }
            index += 2 + length
        }
        return nil
    }
}

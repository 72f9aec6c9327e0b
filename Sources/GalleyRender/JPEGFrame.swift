import Foundation

/// The size, colour components and coding of a JPEG, read from its start-of-frame segment.
struct JPEGFrame {
    let width: Int
    let height: Int
    let components: Int
    /// Bits per sample: 8 for the JPEGs PDF viewers and libjpeg read, 12 or 16 for rare medical and archival ones.
    let precision: Int
    /// Whether the scans are progressive: libjpeg then keeps every DCT coefficient of the whole image in memory
    /// (two bytes per pixel per component), however small the size it is asked to decode at.
    let isProgressive: Bool

    /// Walks the marker segments up to the first SOFn; `nil` if the data is not a well-formed JPEG header.
    init?(_ data: Data) {
        guard let frame = data.withUnsafeBytes({ Self.read($0) }) else { return nil }
        self = frame
    }

    private init(width: Int, height: Int, components: Int, precision: Int, isProgressive: Bool) {
        self.width = width
        self.height = height
        self.components = components
        self.precision = precision
        self.isProgressive = isProgressive
    }

    private static func read(_ bytes: UnsafeRawBufferPointer) -> JPEGFrame? {
        var index = 2
        while index + 9 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            let isFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
            if isFrame {
                let height = Int(bytes[index + 5]) << 8 | Int(bytes[index + 6])
                let width = Int(bytes[index + 7]) << 8 | Int(bytes[index + 8])
                let components = Int(bytes[index + 9])
                guard width > 0, height > 0, components > 0 else { return nil }
                // SOF2, SOF6, SOF10 and SOF14 are the progressive codings.
                return JPEGFrame(width: width, height: height, components: components, precision: Int(bytes[index + 4]), isProgressive: [0xC2, 0xC6, 0xCA, 0xCE].contains(marker))
            }
            guard length >= 2 else { return nil }
            index += 2 + length
        }
        return nil
    }
}

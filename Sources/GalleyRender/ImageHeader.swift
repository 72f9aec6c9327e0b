import Foundation
import GalleyLayout

/// What an image file's header says about drawing it: format, size and, for a JPEG, how it is coded.
///
/// Read from the bytes themselves, never from the file name, before anything is decoded: the limits are checked
/// against it, and the decoders are then held to it.
struct ImageHeader: Equatable {
    var format: ImageReference.Format
    var width: Int
    var height: Int
    /// A JPEG with four components (CMYK or YCCK), which is decoded rather than embedded as it is.
    var isCMYK = false
    /// A progressive JPEG, whose decoding keeps every DCT coefficient in memory.
    var isProgressive = false
    /// The colour components a JPEG stores.
    var components = 3
    /// An interlaced (Adam7) PNG, whose rows are complete only once the whole image is decoded.
    var isInterlaced = false

    /// The header of a PNG, from at least its first 29 bytes; nil unless it is one PNG allows.
    init?(png bytes: [UInt8]) {
        guard let (width, height) = ImageProbe.pngSize(bytes) else { return nil }
        self.init(format: .png, width: width, height: height)
        // pngSize has checked the 29 bytes up to the interlace method, the header's last field.
        isInterlaced = bytes[28] != 0
    }

    /// The header of a JPEG, from its bytes up to the start of frame; nil unless it is well formed.
    init?(jpeg data: Data) {
        guard let frame = JPEGFrame(data) else { return nil }
        self.init(format: .jpeg, width: frame.width, height: frame.height, isCMYK: frame.components == 4,
                  isProgressive: frame.isProgressive, components: frame.components)
    }

    /// The header of a PNG or JPEG file's bytes, whichever its signature says it is.
    init?(_ data: Data) {
        if data.starts(with: [0xFF, 0xD8, 0xFF]) {
            self.init(jpeg: data)
        } else {
            self.init(png: [UInt8](data.prefix(33)))
        }
    }

    init(format: ImageReference.Format, width: Int, height: Int, isCMYK: Bool = false, isProgressive: Bool = false, components: Int = 3) {
        self.format = format
        self.width = width
        self.height = height
        self.isCMYK = isCMYK
        self.isProgressive = isProgressive
        self.components = components
    }

    /// Whether the pixels are decoded to be drawn: an RGB or grey JPEG is embedded as it is (DCTDecode).
    var isDecoded: Bool { format == .png || isCMYK }

    /// width × height, without overflow.
    var pixels: Int { Saturating.product(width, height) }
}

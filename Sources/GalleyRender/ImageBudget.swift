import Foundation
import GalleyFiles
import GalleyLayout

/// The limits as they bear on one image: what decoding it costs, whether it fits, and the size to downsample it to.
///
/// Everything here is worked out from the header, so an image that would blow the memory up is never decoded.
struct ImageBudget {
    let limits: Limits

    /// cairo's image surfaces hold at most this many pixels a side.
    static let cairoSide = 32767
    /// libjpeg decodes at most this many pixels a side.
    static let libjpegSide = 65500
    /// The resolution of a downsampled image, in pixels per inch of its printed size: enough for print.
    static let printResolution = 300.0
    /// The most pixels of a PNG downsampling reads: each is inflated, expanded to RGBA and summed, about 250 M a second
    /// on one core (20000 × 20000 in 1.6 s, 65535 × 65535, a 520 KB file, in 16 s). A JPEG needs no such bound: libjpeg
    /// decodes it at an eighth of its size (60000 × 60000 in 3.2 s), and 65500 pixels a side is its own limit.
    static let streamedPNGPixels = 1_000_000_000

    /// Whether `header`'s image can be drawn as it is, downsampled, or not at all.
    func fit(_ header: ImageHeader) -> ImageFit {
        guard let reason = excess(header) else { return .fits }
        if let obstacle = obstacle(toDownsampling: header) { return .tooLarge(reason: reason, obstacle: obstacle) }
        return .downsamplable(reason: reason)
    }

    /// The limit the image breaks when drawn as it is, in words; nil if it breaks none.
    private func excess(_ header: ImageHeader) -> String? {
        let size = "\(header.width) × \(header.height) pixels"
        if header.pixels > limits.imagePixels {
            return "\(size) (\(Self.megapixels(header.pixels))) is more than the limit of \(Self.megapixels(limits.imagePixels)) (image-pixels)"
        }
        if header.format == .jpeg, max(header.width, header.height) > Self.libjpegSide {
            return "\(size) is more than the \(Self.libjpegSide) pixels a side libjpeg reads"
        }
        guard header.isDecoded else { return nil }
        let cost = decodeBytes(header)
        if cost > limits.decodedImageBytes {
            return "\(size) take \(ByteCount.words(cost)) to decode, more than the limit of \(ByteCount.words(limits.decodedImageBytes)) "
                + "(decoded-image-bytes)"
        }
        if max(header.width, header.height) > Self.cairoSide {
            return "\(size) is more than the \(Self.cairoSide) pixels a side cairo can draw"
        }
        return nil
    }

    /// Why even a downsampled copy cannot be made within the limits; nil if it can.
    ///
    /// Downsampling reads the file a row at a time (CImageScale), so the image's own size costs memory only where a
    /// decoder keeps more than a row: an interlaced PNG is complete only after its last pass, and a progressive JPEG
    /// keeps every DCT coefficient until its last scan.
    private func obstacle(toDownsampling header: ImageHeader) -> String? {
        switch header.format {
        case .png:
            if header.pixels > Self.streamedPNGPixels {
                return "reading all its pixels to downsample it would take too long (Galley downsamples PNGs of at most "
                    + "\(Self.megapixels(Self.streamedPNGPixels)))"
            }
            let whole = Saturating.product(header.width, header.height, 4)
            guard header.isInterlaced, whole > limits.decodedImageBytes else { return nil }
            return "an interlaced PNG is decoded whole before it is downsampled, which would take \(ByteCount.words(whole)), "
                + "more than decoded-image-bytes allows"
        case .jpeg:
            guard max(header.width, header.height) <= Self.libjpegSide else {
                return "libjpeg decodes at most \(Self.libjpegSide) pixels a side"
            }
            let coefficients = coefficientBytes(header)
            guard coefficients > limits.decodedImageBytes else { return nil }
            return "a progressive JPEG keeps all its coefficients while it is decoded, which would take "
                + "\(ByteCount.words(coefficients)), more than decoded-image-bytes allows"
        case .svg:
            return nil
        }
    }

    /// What a progressive JPEG's coefficients take while it is decoded: two bytes per pixel and component.
    func coefficientBytes(_ header: ImageHeader) -> Int {
        header.format == .jpeg && header.isProgressive ? Saturating.product(header.width, header.height, header.components, 2) : 0
    }

    /// The memory decoding the image at its own size takes: four bytes a pixel, and a progressive JPEG's coefficients.
    func decodeBytes(_ header: ImageHeader) -> Int {
        Saturating.sum(Saturating.product(header.width, header.height, 4), coefficientBytes(header))
    }

    /// The size to decode an oversize image at: 300 pixels per inch of `printed` (points), and no more than the
    /// limits, cairo, and decoded-image-bytes (for the result, a row of sums and the decoders' own keep) allow.
    func downsampledSize(_ header: ImageHeader, printed: Size) -> (width: Int, height: Int) {
        let width = Double(header.width), height = Double(header.height)
        let wanted = max(printed.width / width, printed.height / height) * Self.printResolution / 72
        let scale = [wanted, 1, Double(Self.cairoSide) / max(width, height), (Double(limits.imagePixels) / (width * height)).squareRoot(),
                     (Double(limits.decodedImageBytes / 4) / (width * height)).squareRoot()].min()!
        var target = (width: max(1, Int((width * scale).rounded(.down))), height: max(1, Int((height * scale).rounded(.down))))
        while target.width > 1 || target.height > 1 {
            // The result (4 bytes a pixel), sums for one output row (32 bytes a pixel of its width), a source row.
            let cost = Saturating.sum(Saturating.product(target.width, target.height, 4), Saturating.product(target.width, 32),
                                      Saturating.product(header.width, 8), coefficientBytes(header),
                                      header.isInterlaced ? Saturating.product(header.width, header.height, 4) : 0)
            if cost <= limits.decodedImageBytes { break }
            target = (max(1, target.width / 2), max(1, target.height / 2))
        }
        return target
    }

    /// A pixel count in words precise enough to tell an image from the limit it breaks: "400 Mpx", "150.4 Mpx",
    /// "1074 Mpx", "126 kpx".
    static func megapixels(_ pixels: Int) -> String {
        if pixels < 1_000_000 { return "\(Int((Double(pixels) / 1e3).rounded())) kpx" }
        let value = Double(pixels) / 1e6
        if value >= 1000 { return "\(Int(value.rounded())) Mpx" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded)) Mpx" : "\(rounded) Mpx"
    }
}

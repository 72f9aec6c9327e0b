import Foundation

/// Makes a synthetic archive for benchmarks and tests: copies of the example articles with their own ids,
/// titles and reshuffled text, so that no two lay out alike.
public enum SampleArchive {
    /// Writes `count` article files (`a<id>.json`, ids from `firstID`) into `folder`, cycling through
    /// `examples` and copying the folders beside them (their images); the same arguments always give the same files.
    @discardableResult
    ///
    /// With `uniqueWords`, every word of every paragraph is replaced by letters drawn at random (same length), so no
    /// word repeats: the worst case for the typesetter's caches, which measures that memory stays bounded.
    public static func generate(from examples: [URL], count: Int, into folder: URL, firstID: Int = 100_000,
                                uniqueWords: Bool = false) throws -> [URL] {
        let templates = try examples.map { url -> [String: Any] in
            guard let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: url.path])
            }
            return object
        }
        guard !templates.isEmpty else { return [] }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Figures name images relative to their article, so the examples' image folders come along.
        for source in Set(examples.map { $0.deletingLastPathComponent().standardizedFileURL }) {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: source.path)) ?? [] where !name.hasPrefix(".") {
                let item = source.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                let target = folder.appendingPathComponent(name)
                guard FileManager.default.fileExists(atPath: item.path, isDirectory: &isDirectory), isDirectory.boolValue,
                      !FileManager.default.fileExists(atPath: target.path) else { continue }
                try FileManager.default.copyItem(at: item, to: target)
            }
        }
        var written: [URL] = []
        for number in 0..<count {
            var generator = SplitMix64(seed: UInt64(number + 1))
            var article = templates[number % templates.count]
            let id = String(firstID + number)
            article["id"] = id
            if let title = article["title"] as? String {
                article["title"] = "\(title) \(Self.words[Int(generator.next() % UInt64(Self.words.count))]) \(number)"
            }
            if let blocks = article["blocks"] as? [[String: Any]] {
                article["blocks"] = blocks.map { uniqueWords ? Self.scramble($0, with: &generator) : Self.vary($0, with: &generator) }
            }
            let data = try JSONSerialization.data(withJSONObject: article, options: [.sortedKeys, .withoutEscapingSlashes])
            let url = folder.appendingPathComponent("a\(id).json")
            try data.write(to: url)
            written.append(url)
        }
        return written
    }

    private static let words = ["review", "update", "dossier", "briefing", "report", "analysis", "interview", "notes"]

    /// Replaces each letter of a paragraph with a random one of the same script block, keeping spaces and punctuation.
    private static func scramble(_ block: [String: Any], with generator: inout SplitMix64) -> [String: Any] {
        guard block["type"] as? String == "paragraph", let text = block["content"] as? String else { return block }
        var scrambled = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isLowercase, scalar.isASCII {
                scrambled.append(Unicode.Scalar(UInt8(ascii: "a") + UInt8(generator.next() % 26)))
            } else if scalar.properties.isLowercase, (0x430...0x44F).contains(scalar.value) {
                scrambled.append(Unicode.Scalar(0x430 + UInt32(generator.next() % 32))!)
            } else {
                scrambled.append(scalar)
            }
        }
        var varied = block
        varied["content"] = String(scrambled)
        return varied
    }

    /// Rotates a paragraph's words, which keeps its length and language but changes every line break.
    private static func vary(_ block: [String: Any], with generator: inout SplitMix64) -> [String: Any] {
        guard block["type"] as? String == "paragraph", let text = block["content"] as? String else { return block }
        let words = text.split(separator: " ")
        guard words.count > 3 else { return block }
        let shift = Int(generator.next() % UInt64(words.count))
        var varied = block
        varied["content"] = (words[shift...] + words[..<shift]).joined(separator: " ")
        return varied
    }
}

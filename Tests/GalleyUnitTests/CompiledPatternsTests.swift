import Foundation
import Testing
@testable import GalleyPango

/// Checks the saved form of libhyphen's automata: a dictionary rebuilt from the cache hyphenates every word exactly as
/// libhyphen's own load of the pattern file does, and a damaged, foreign or stale cache file is never trusted.
@Suite struct CompiledPatternsTests {
    static let dictionaries = URL(fileURLWithPath: "/usr/share/hyphen")
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every distinct word of the example articles, in all their languages, plus words with the letters each
    /// dictionary treats specially; a few thousand words walk a large part of each automaton.
    static let words: [String] = {
        var found = Set(["überraschung", "gewerkschaftsbewegung", "straßenbahnhaltestelle", "schifffahrt",
                         "συνδικαλιστικός", "профсоюзы", "незалежність", "hyphenation", "œuvre", "l'organisation"])
        let texts = ["Examples", "Tests/GalleyEndToEndTests/Fixtures/greek"].flatMap { folder in
            let url = repositoryRoot.appendingPathComponent(folder)
            return ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [])
                .filter { $0.hasSuffix(".json") || $0.hasSuffix(".md") }
                .map { url.appendingPathComponent($0) }
        }
        for file in texts {
            let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            for word in text.split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "\u{2019}" }) where word.count > 3 {
                found.insert(String(word))
            }
        }
        return found.sorted()
    }()

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("galley-patterns-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(arguments: ["hyph_en_US.dic", "hyph_de_DE.dic", "hyph_fr.dic", "hyph_ru_RU.dic", "hyph_uk_UA.dic", "hyph_el_GR.dic"])
    func rebuiltAutomatonHyphenatesLikeLibhyphen(_ name: String) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = Self.dictionaries.appendingPathComponent(name)
        let compiledByLibhyphen = try #require(HyphenationDictionary.open(url, leftMin: 2, rightMin: 2, cacheFolder: folder))
        let rebuilt = try #require(HyphenationDictionary.open(url, leftMin: 2, rightMin: 2, cacheFolder: folder))
        #expect(compiledByLibhyphen.origin == .patternFile)
        #expect(rebuilt.origin == .compiledCache)
        var hyphenatedWords = 0
        for word in Self.words {
            let expected = compiledByLibhyphen.hyphenationPoints(in: word)
            #expect(rebuilt.hyphenationPoints(in: word) == expected, "\(word)")
            if !expected.isEmpty { hyphenatedWords += 1 }
        }
        // The comparison means something only if the patterns actually fired on many of the words.
        #expect(hyphenatedWords >= 40)
    }

    @Test func damagedCacheFilesAreRejectedAndReplaced() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = Self.dictionaries.appendingPathComponent("hyph_fr.dic")
        _ = try #require(HyphenationDictionary.open(url, leftMin: 2, rightMin: 3, cacheFolder: folder))
        let cacheFile = try #require(try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).first)
        let good = try Data(contentsOf: cacheFile)
        let sourceHash = HyphenationDictionary.fingerprint(try Data(contentsOf: url))
        #expect(CompiledPatterns(good, sourceHash: sourceHash) != nil)
        // Made from another pattern file (or an older version of this one).
        #expect(CompiledPatterns(good, sourceHash: sourceHash &+ 1) == nil)
        // Cut short anywhere, or with bytes after the end.
        for length in [0, 9, 30, good.count / 2, good.count - 1] {
            #expect(CompiledPatterns(good.prefix(length), sourceHash: sourceHash) == nil, "cut to \(length) bytes")
        }
        #expect(CompiledPatterns(good + [0], sourceHash: sourceHash) == nil)
        // The last transition (before the strings) sent to a state that does not exist.
        var badTarget = good
        let stringsStart = try #require(Self.stringsOffset(in: good))
        badTarget.replaceSubrange((stringsStart - 4)..<stringsStart, with: withUnsafeBytes(of: Int32.max) { Array($0) })
        #expect(CompiledPatterns(badTarget, sourceHash: sourceHash) == nil)

        // A damaged file on disk is ignored: the patterns are compiled again and the file is written anew.
        try Data(good.prefix(good.count / 2)).write(to: cacheFile)
        let reloaded = try #require(HyphenationDictionary.open(url, leftMin: 2, rightMin: 3, cacheFolder: folder))
        #expect(reloaded.origin == .patternFile)
        #expect(reloaded.hyphenationPoints(in: "gouvernement") == [3, 6, 8])
        #expect(try Data(contentsOf: cacheFile) == good)
        #expect(HyphenationDictionary.open(url, leftMin: 2, rightMin: 3, cacheFolder: folder)?.origin == .compiledCache)
    }

    @Test func aChangedPatternFileGetsItsOwnCacheEntry() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let patterns = folder.appendingPathComponent("hyph_test.dic")
        let cache = folder.appendingPathComponent("cache")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        // One pattern: a break may follow every "a".
        try "UTF-8\na1b\n".write(to: patterns, atomically: true, encoding: .utf8)
        _ = HyphenationDictionary.open(patterns, leftMin: 1, rightMin: 1, cacheFolder: cache)
        let before = try #require(HyphenationDictionary.open(patterns, leftMin: 1, rightMin: 1, cacheFolder: cache))
        #expect(before.origin == .compiledCache)
        #expect(before.hyphenationPoints(in: "ababab") == [1, 3, 5])
        // Now a break may follow every "b" instead: the old automaton must not be reused.
        try "UTF-8\nb1a\n".write(to: patterns, atomically: true, encoding: .utf8)
        let after = try #require(HyphenationDictionary.open(patterns, leftMin: 1, rightMin: 1, cacheFolder: cache))
        #expect(after.origin == .patternFile)
        #expect(after.hyphenationPoints(in: "ababab") == [2, 4])
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).count == 2)
    }

    /// Where the first level's string bytes begin, found by walking the saved layout's counts.
    static func stringsOffset(in data: Data) -> Int? {
        let bytes = Array(data)
        func int32(_ offset: Int) -> Int { Int(bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Int32.self) }) }
        var offset = 10 + 4 + 8 + 4 // magic, version, source hash, level count
        offset += 4 + 4 + 20        // minimums, utf8 flag, character set name
        offset += 4                 // NOHYPHEN count
        let nohyphenLength = int32(offset)
        offset += 4 + max(0, nohyphenLength)
        let states = int32(offset), transitions = int32(offset + 4)
        offset += 12 + states * 22 + transitions * 5
        return offset <= bytes.count ? offset : nil
    }
}

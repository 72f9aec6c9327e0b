import CHyphen
import Foundation
import GalleyFiles

/// A libhyphen pattern automaton saved in a file of its own format, so that a process can rebuild it in milliseconds
/// instead of compiling the pattern file again (libhyphen needs about 3 s for the German patterns).
///
/// The automaton is libhyphen's own (`HyphenDict` in `hyphen.h`); only its storage differs: each level lives in a few
/// flat buffers owned by this object, which is why it must never be passed to `hnj_hyphen_free`.
final class CompiledPatterns {
    /// The rebuilt first level, ready for `hnj_hyphen_hyphenate3`.
    let handle: UnsafeMutablePointer<HyphenDict>
    private let allocations: [UnsafeMutableRawPointer]

    private static let magic = Array("GALLEYHYPH".utf8)
    /// Bumped whenever the layout below changes, so old files are rebuilt rather than misread.
    private static let formatVersion: UInt32 = 1

    deinit {
        for allocation in allocations { allocation.deallocate() }
    }

    // MARK: Writing

    /// `dictionary` and its next levels in the saved form, tagged with `sourceHash` (the pattern file's hash).
    static func serialize(_ dictionary: UnsafeMutablePointer<HyphenDict>, sourceHash: UInt64) -> Data {
        var writer = ByteWriter()
        writer.append(magic)
        writer.integer(formatVersion)
        writer.integer(sourceHash)
        var levels: [UnsafeMutablePointer<HyphenDict>] = []
        var next: UnsafeMutablePointer<HyphenDict>? = dictionary
        while let level = next {
            levels.append(level)
            next = level.pointee.nextlevel
        }
        writer.integer(UInt32(levels.count))
        for level in levels { serializeLevel(level.pointee, into: &writer) }
        return Data(writer.bytes)
    }

    private static func serializeLevel(_ level: HyphenDict, into writer: inout ByteWriter) {
        writer.integer(Int8(level.lhmin))
        writer.integer(Int8(level.rhmin))
        writer.integer(Int8(level.clhmin))
        writer.integer(Int8(level.crhmin))
        writer.integer(Int32(level.utf8))
        // libhyphen leaves the bytes after the name unset; zeros keep the saved file the same from run to run.
        let name = withUnsafeBytes(of: level.cset) { Array($0.prefix { $0 != 0 }) }
        writer.append(name + [UInt8](repeating: 0, count: Int(MAX_NAME) - name.count))
        writer.integer(Int32(level.nohyphenl))
        if let nohyphen = level.nohyphen {
            // libhyphen splits the NOHYPHEN list in place: nohyphenl + 1 strings, each ending in a zero byte.
            var length = 0
            for _ in 0...Int(level.nohyphenl) { length += strlen(nohyphen + length) + 1 }
            writer.integer(Int32(length))
            writer.append(UnsafeRawBufferPointer(start: nohyphen, count: length).map { $0 })
        } else {
            writer.integer(Int32(-1))
        }
        var strings: [UInt8] = []
        func offset(of string: UnsafeMutablePointer<CChar>?) -> Int32 {
            guard let string else { return -1 }
            let start = Int32(strings.count)
            strings.append(contentsOf: UnsafeRawBufferPointer(start: string, count: strlen(string) + 1))
            return start
        }
        let count = Int(level.num_states)
        var transitions: [(Int8, Int32)] = []
        var stateRecords: [(match: Int32, repl: Int32, index: Int8, cut: Int8, fallback: Int32, first: Int32, count: Int32)] = []
        stateRecords.reserveCapacity(count)
        for index in 0..<count {
            let state = level.states[index]
            let first = Int32(transitions.count)
            for transition in 0..<Int(state.num_trans) {
                transitions.append((Int8(state.trans[transition].ch), state.trans[transition].new_state))
            }
            // libhyphen sets the replacement's index and cut only when there is a replacement.
            let hasReplacement = state.repl != nil
            stateRecords.append((offset(of: state.match), offset(of: state.repl), hasReplacement ? state.replindex : 0,
                                 hasReplacement ? state.replcut : 0, state.fallback_state, first, state.num_trans))
        }
        writer.integer(Int32(count))
        writer.integer(Int32(transitions.count))
        writer.integer(Int32(strings.count))
        for record in stateRecords {
            writer.integer(record.match)
            writer.integer(record.repl)
            writer.integer(record.index)
            writer.integer(record.cut)
            writer.integer(record.fallback)
            writer.integer(record.first)
            writer.integer(record.count)
        }
        for (character, target) in transitions {
            writer.integer(character)
            writer.integer(target)
        }
        writer.append(strings)
    }

    // MARK: Reading

    /// Rebuilds the automaton saved in `data`; nil unless the data is complete, consistent and made from `sourceHash`.
    ///
    /// libhyphen follows every index without checking it, so each one is checked here before it is stored.
    init?(_ data: Data, sourceHash: UInt64) {
        var reader = ByteReader(data)
        guard reader.bytes(Self.magic.count) == Self.magic,
              reader.integer(UInt32.self) == Self.formatVersion,
              reader.integer(UInt64.self) == sourceHash,
              let levelCount = reader.integer(UInt32.self), (1...8).contains(levelCount) else { return nil }
        var owned: [UnsafeMutableRawPointer] = []
        var levels: [UnsafeMutablePointer<HyphenDict>] = []
        for _ in 0..<levelCount {
            guard let level = Self.readLevel(&reader, into: &owned) else { break }
            levels.append(level)
        }
        guard levels.count == levelCount, reader.isAtEnd else {
            for allocation in owned { allocation.deallocate() }
            return nil
        }
        for (level, next) in zip(levels, levels.dropFirst()) { level.pointee.nextlevel = next }
        handle = levels[0]
        allocations = owned
    }

    private static func readLevel(_ reader: inout ByteReader, into allocations: inout [UnsafeMutableRawPointer]) -> UnsafeMutablePointer<HyphenDict>? {
        guard let lhmin = reader.integer(Int8.self), let rhmin = reader.integer(Int8.self),
              let clhmin = reader.integer(Int8.self), let crhmin = reader.integer(Int8.self),
              let utf8 = reader.integer(Int32.self), let cset = reader.bytes(Int(MAX_NAME)),
              let nohyphenCount = reader.integer(Int32.self), nohyphenCount >= 0,
              let nohyphenLength = reader.integer(Int32.self) else { return nil }
        var nohyphen: UnsafeMutablePointer<CChar>?
        if nohyphenLength >= 0 {
            guard let bytes = reader.bytes(Int(nohyphenLength)), bytes.last == 0,
                  bytes.lazy.filter({ $0 == 0 }).count >= Int(nohyphenCount) + 1 else { return nil }
            nohyphen = copy(bytes, into: &allocations)
        }
        guard let stateCount = reader.integer(Int32.self), stateCount >= 1,
              let transitionCount = reader.integer(Int32.self), transitionCount >= 0,
              let stringLength = reader.integer(Int32.self), stringLength >= 0 else { return nil }
        let stateRecordSize = 4 + 4 + 1 + 1 + 4 + 4 + 4
        guard reader.remaining >= Int(stateCount) * stateRecordSize + Int(transitionCount) * 5 + Int(stringLength) else { return nil }

        let states = UnsafeMutablePointer<HyphenState>.allocate(capacity: Int(stateCount))
        allocations.append(UnsafeMutableRawPointer(states))
        let transitions = UnsafeMutablePointer<HyphenTrans>.allocate(capacity: max(1, Int(transitionCount)))
        allocations.append(UnsafeMutableRawPointer(transitions))
        var ranges: [(match: Int32, repl: Int32, first: Int32, count: Int32)] = []
        ranges.reserveCapacity(Int(stateCount))
        for index in 0..<Int(stateCount) {
            let match = reader.integer(Int32.self)!, repl = reader.integer(Int32.self)!
            let replIndex = reader.integer(Int8.self)!, replCut = reader.integer(Int8.self)!
            let fallback = reader.integer(Int32.self)!, first = reader.integer(Int32.self)!, count = reader.integer(Int32.self)!
            guard (-1..<stateCount).contains(fallback), (-1..<stringLength).contains(match), (-1..<stringLength).contains(repl),
                  count >= 0, first >= 0, Int(first) + Int(count) <= Int(transitionCount) else { return nil }
            (states + index).initialize(to: HyphenState(match: nil, repl: nil, replindex: replIndex, replcut: replCut,
                                                        fallback_state: fallback, num_trans: count, trans: nil))
            ranges.append((match, repl, first, count))
        }
        for index in 0..<Int(transitionCount) {
            let character = reader.integer(Int8.self)!, target = reader.integer(Int32.self)!
            guard (0..<stateCount).contains(target) else { return nil }
            (transitions + index).initialize(to: HyphenTrans(ch: CChar(character), new_state: target))
        }
        let stringBytes = reader.bytes(Int(stringLength))!
        // Every string then ends inside the buffer, whatever offset points into it.
        guard stringLength == 0 || stringBytes.last == 0 else { return nil }
        let strings = copy(stringBytes, into: &allocations)
        for (index, range) in ranges.enumerated() {
            if range.match >= 0 { states[index].match = strings + Int(range.match) }
            if range.repl >= 0 { states[index].repl = strings + Int(range.repl) }
            if range.count > 0 { states[index].trans = transitions + Int(range.first) }
        }

        let level = UnsafeMutablePointer<HyphenDict>.allocate(capacity: 1)
        allocations.append(UnsafeMutableRawPointer(level))
        var dictionary = HyphenDict()
        dictionary.lhmin = CChar(lhmin)
        dictionary.rhmin = CChar(rhmin)
        dictionary.clhmin = CChar(clhmin)
        dictionary.crhmin = CChar(crhmin)
        dictionary.nohyphen = nohyphen
        dictionary.nohyphenl = nohyphenCount
        dictionary.num_states = stateCount
        withUnsafeMutableBytes(of: &dictionary.cset) { $0.copyBytes(from: cset) }
        dictionary.utf8 = utf8
        dictionary.states = states
        dictionary.nextlevel = nil
        level.initialize(to: dictionary)
        return level
    }

    private static func copy(_ bytes: [UInt8], into allocations: inout [UnsafeMutableRawPointer]) -> UnsafeMutablePointer<CChar> {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: max(1, bytes.count))
        bytes.withUnsafeBytes { UnsafeMutableRawPointer(buffer).copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        allocations.append(UnsafeMutableRawPointer(buffer))
        return buffer
    }
}


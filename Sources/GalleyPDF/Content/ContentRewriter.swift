/// Rewrites one page's content so that every painting operator is either inside a marked-content sequence the
/// structure tree references or inside an `/Artifact` sequence.
///
/// Sequences whose MCID the renderer did not list (cairo's empty `/Link` marks, repeats) are unwrapped, and what
/// they held becomes unmarked. Unmarked painting is wrapped in `/Artifact BMC … EMC` lazily: an artifact opens just
/// before the first painting unit (a whole path object, a whole text object, an image or shading) and stays open
/// across state operators until marked content begins or ends, a `q` is met, a `Q` would leave the level it
/// opened at, or its text object ends; so artifacts never cut a path or text object and nest properly with `q`/`Q`.
struct ContentRewriter {
    /// The rewritten content and the marked-content ids it keeps, in the order they occur.
    struct Result {
        var bytes: [UInt8]
        var mcids: [Int32]
        /// Listed ids met again after their first sequence, whose later sequences were unwrapped.
        var repeated: [Int32] = []
    }

    /// A change to the input: replace `start..<end` (empty for an insertion) with `replacement`.
    private struct Edit {
        enum Replacement {
            case openArtifact, closeArtifact, space, bytes([UInt8])
        }

        var start: Int
        var end: Int
        var replacement: Replacement
    }

    /// A marked-content sequence open at some point of the stream.
    private struct Frame {
        /// Marked as structure content or as an artifact, so that what it holds needs no artifact.
        var covers: Bool
        /// An artifact (nothing inside may be structure content).
        var isArtifact: Bool
        /// Unwrapped: its `EMC` goes too.
        var removed: Bool
    }

    /// For each MCID of the page, the index of its structure node (negative for none).
    let marks: [Int32]
    /// The role names (`/P`) of all nodes, written over cairo's tags where they differ.
    let roleNames: [[UInt8]]

    /// Rewrites `bytes`.
    func rewrite(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
        let operations = ContentTokenizer.operations(bytes)
        var edits: [Edit] = []
        var kept: [Int32] = []
        var repeated: [Int32] = []
        var used = [Bool](repeating: false, count: marks.count)
        var frames: [Frame] = []
        var coveringFrames = 0
        var artifactFrames = 0
        var artifactOpen = false
        var artifactLevel = 0
        var artifactInText = false
        var saveLevel = 0
        var pathStart = -1

        func openArtifact(at position: Int, inText: Bool) {
            edits.append(Edit(start: position, end: position, replacement: .openArtifact))
            artifactOpen = true
            artifactLevel = saveLevel
            artifactInText = inText
        }
        func closeArtifact(at position: Int) {
            guard artifactOpen else { return }
            edits.append(Edit(start: position, end: position, replacement: .closeArtifact))
            artifactOpen = false
        }

        var index = 0
        while index < operations.count {
            let operation = operations[index]
            switch operation.kind {
            case .beginMarked, .beginMarkedWithProperties:
                closeArtifact(at: operation.start)
                let tag = MarkedContentTag(of: operation, in: bytes)
                var frame = Frame(covers: false, isArtifact: false, removed: false)
                if let tag, let mcid = tag.mcid {
                    let node = Int(mcid) < marks.count ? marks[Int(mcid)] : -1
                    if node >= 0, Int(node) < roleNames.count, !used[Int(mcid)], artifactFrames == 0 {
                        used[Int(mcid)] = true
                        kept.append(mcid)
                        frame.covers = true
                        let role = roleNames[Int(node)]
                        if !Self.equal(bytes, tag.nameStart + 1, tag.nameEnd, role) {
                            edits.append(Edit(start: tag.nameStart, end: tag.nameEnd, replacement: .bytes([UInt8(ascii: "/")] + role)))
                        }
                    } else {
                        if node >= 0, Int(mcid) < used.count, used[Int(mcid)] { repeated.append(mcid) }
                        frame.removed = true
                        edits.append(Edit(start: operation.start, end: operation.end, replacement: .space))
                    }
                } else if let tag, tag.isArtifact(in: bytes) {
                    frame.covers = true
                    frame.isArtifact = true
                }
                if frame.covers { coveringFrames += 1 }
                if frame.isArtifact { artifactFrames += 1 }
                frames.append(frame)
            case .endMarked:
                closeArtifact(at: operation.start)
                if let frame = frames.popLast() {
                    if frame.covers { coveringFrames -= 1 }
                    if frame.isArtifact { artifactFrames -= 1 }
                    if frame.removed { edits.append(Edit(start: operation.start, end: operation.end, replacement: .space)) }
                } else {
                    // An EMC that ends nothing would end one of ours.
                    edits.append(Edit(start: operation.start, end: operation.end, replacement: .space))
                }
            case .save:
                closeArtifact(at: operation.start)
                saveLevel += 1
            case .restore:
                if artifactOpen, saveLevel <= artifactLevel { closeArtifact(at: operation.start) }
                saveLevel -= 1
            case .beginText:
                guard coveringFrames == 0 else { break }
                var last = index + 1
                var paints = false
                var marked = false
                while last < operations.count, operations[last].kind != .endText {
                    switch operations[last].kind {
                    case .showText, .paint, .paintPath: paints = true
                    case .beginMarked, .beginMarkedWithProperties, .endMarked: marked = true
                    default: break
                    }
                    last += 1
                }
                if marked {
                    // Marked content inside the text object: artifacts are opened around its unmarked glyphs, inside it.
                    closeArtifact(at: operation.start)
                } else {
                    // A text object without marks is one unit, so no artifact begins or ends inside it.
                    if paints, !artifactOpen { openArtifact(at: operation.start, inText: false) }
                    index = last
                }
            case .endText:
                if artifactOpen, artifactInText { closeArtifact(at: operation.start) }
            case .showText:
                if coveringFrames == 0, !artifactOpen { openArtifact(at: operation.start, inText: true) }
            case .buildPath:
                if pathStart < 0 { pathStart = operation.start }
            case .paintPath:
                if coveringFrames == 0, !artifactOpen { openArtifact(at: pathStart >= 0 ? pathStart : operation.start, inText: false) }
                pathStart = -1
            case .endPath:
                pathStart = -1
            case .paint:
                if coveringFrames == 0, !artifactOpen { openArtifact(at: operation.start, inText: false) }
            case .other:
                break
            }
            index += 1
        }
        closeArtifact(at: bytes.count)
        return Result(bytes: Self.apply(edits, to: bytes), mcids: kept, repeated: repeated)
    }

    /// Whether `bytes[start..<end]` spells `name`.
    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ name: [UInt8]) -> Bool {
        guard end - start == name.count else { return false }
        for offset in 0..<name.count where bytes[start + offset] != name[offset] { return false }
        return true
    }

    /// `bytes` with `edits` made, copying the unchanged stretches whole.
    private static func apply(_ edits: [Edit], to bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var edits = edits
        // Edits come in stream order except an artifact opened at the start of a path found later; sort only then.
        if zip(edits, edits.dropFirst()).contains(where: { $0.start > $1.start }) {
            edits = edits.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + edits.count * 16)
        var cursor = 0
        for edit in edits {
            if edit.start > cursor { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor..<edit.start])) }
            switch edit.replacement {
            case .openArtifact: output.append(contentsOf: "\n/Artifact BMC\n".utf8)
            case .closeArtifact: output.append(contentsOf: "\nEMC\n".utf8)
            case .space: output.append(UInt8(ascii: " "))
            case .bytes(let replacement): output.append(contentsOf: replacement)
            }
            cursor = max(cursor, edit.end)
        }
        if cursor < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor..<bytes.count])) }
        return output
    }
}

import Foundation
import GalleyFiles

/// A list of records kept in an unlinked temporary file instead of memory: appended one at a time, then read back in
/// order, so that an export's plan costs disk, not memory per article.
///
/// The file is unlinked as soon as it is made, so nothing is left behind whatever ends the run.
final class RecordSpill<Record: Codable> {
    private let writer: FileHandle
    private let path: String
    private var pending = Data()
    private var reader: ManifestLines.Reader?
    /// Records appended so far.
    private(set) var count = 0

    /// Makes the file in `folder` (the output folder, which the run may write to anyway).
    init(in folder: URL, name: String) throws {
        // Named as `OutputFile`'s temporaries are, so that one left by a kill in the instant before the unlink is
        // removed by the next run.
        path = folder.appendingPathComponent(".galley-\(name).\(getpid()).\(String(UInt32.random(in: .min ... .max), radix: 16)).tmp").path
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forUpdatingAtPath: path) else {
            throw FileProblem(path: path, errno: errno, action: "cannot be written")
        }
        writer = handle
        reader = try ManifestLines.Reader(path: path)
        unlink(path)
    }

    /// Adds `record` at the end.
    func append(_ record: Record) throws {
        pending.append(try JSONEncoder().encode(record))
        pending.append(0x0A)
        count += 1
        if pending.count > 64 * 1024 { try flush() }
    }

    /// The next record in the order they were appended, or nil after the last; call once every record is appended.
    func next() throws -> Record? {
        try flush()
        guard let line = try reader?.next() else { return nil }
        return try JSONDecoder().decode(Record.self, from: Data(line))
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        try writer.write(contentsOf: pending)
        pending.removeAll(keepingCapacity: true)
    }
}

import Foundation

/// Names the hidden temporary files (`.name.<pid>.<random>.tmp`) that `OutputFile` writes before renaming, and
/// removes those a killed run left, with any Foundation left from atomic writes (`.dat.nosync…`).
public enum StaleTemporaryFiles {
    /// How old a temporary file of a process that is not running here must be before it is removed.
    ///
    /// Not zero, because shards on other machines may write into the same folder over a network file
    /// system, and their process ids mean nothing here; no writer keeps a temporary file for this long.
    public static let minimumAge: TimeInterval = 10
    /// How old any temporary file must be before it is removed, whatever its process id says (ids are reused).
    public static let maximumAge: TimeInterval = 3600

    /// The temporary name for writing `name`: hidden, with this process's id (so that a live writer's file is
    /// never removed), short enough that a name near the 255-byte limit does not push it over.
    public static func temporaryName(for name: String) -> String {
        var base = name
        while base.utf8.count > 200 { base.removeLast() }
        return ".\(base).\(getpid()).\(String(UInt32.random(in: .min ... .max), radix: 16)).tmp"
    }

    /// Removes stale temporary files directly inside `folder`; returns their names.
    @discardableResult
    public static func remove(in folder: URL, now: Date = Date()) -> [String] {
        // Read an entry at a time: the folder holds every PDF of the archive, and only hidden names are kept.
        guard let directory = opendir(folder.path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                bytes.first == UInt8(ascii: ".") ? String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self) : nil
            }
            if let name { names.append(name) }
        }
        var removed: [String] = []
        for name in names where name.hasPrefix(".") && (name.hasSuffix(".tmp") || name.hasPrefix(".dat.nosync")) {
            let url = folder.appendingPathComponent(name)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let modified = attributes[.modificationDate] as? Date else { continue }
            let age = now.timeIntervalSince(modified)
            // Foundation's names carry no process id: only their age tells.
            let writerGone = writer(of: name).map { !isRunning($0) } ?? true
            guard age > maximumAge || (writerGone && age > minimumAge) else { continue }
            if (try? FileManager.default.removeItem(at: url)) != nil { removed.append(name) }
        }
        return removed.sorted()
    }

    /// The process id in a temporary file's name (`.a.pdf.1234.ab12cd34.tmp` → 1234).
    static func writer(of name: String) -> pid_t? {
        let parts = name.split(separator: ".")
        guard parts.count >= 4 else { return nil }
        return pid_t(parts[parts.count - 3])
    }

    private static func isRunning(_ pid: pid_t) -> Bool {
        if pid == getpid() { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// Starts an issue's bundling again, in the same process, with glibc's allocator asking the kernel for huge pages.
///
/// A fresh 50-article issue touches about 110 MB of new memory, and a tenth of its time went to 28,000 page faults
/// of 4 KiB each. glibc 2.35 and later can advise the kernel to back its heaps with transparent huge pages, but only
/// through the `GLIBC_TUNABLES` variable, read once when the process starts, so the command must be started again
/// with it set (about 7 ms, against 20–40 ms saved). Only the commands that bind a whole issue in one process take
/// the detour: a single article or an export worker faults a few thousand pages, and there the second start would
/// cost more than it saves (docs/architecture-notes.md, "An issue's memory comes in huge pages").
public enum LargePages {
    /// The tunables set for the second start: heaps advised as huge pages, and grown 64 MiB at a time, so that each
    /// growth covers whole huge pages (the padding is address space; only the pages touched are memory).
    static let tunables = "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864"

    /// The commands worth starting twice.
    static let commands: Set<String> = ["bundle", "bench-bundle"]

    /// The environment variable that, set to `0`, keeps every command in its first start.
    static let switchVariable = "GALLEY_LARGE_PAGES"

    /// The value to give `GLIBC_TUNABLES` before starting `command` again, or nil to go on as it is.
    ///
    /// Nil when the command is not one of `commands`; when `GLIBC_TUNABLES` is already set (the user's own settings
    /// win, and a second start sees its own); when `GALLEY_LARGE_PAGES` is `0`; when the kernel's transparent huge
    /// pages are off (`mode` is the text of `/sys/kernel/mm/transparent_hugepage/enabled`, with the chosen mode in
    /// brackets); or when glibc is older than 2.35, which ignores the tunable.
    static func tunables(command: String?, existing: String?, switchValue: String?, mode: String?, glibcVersion: String?) -> String? {
        guard let command, commands.contains(command), existing == nil, switchValue != "0" else { return nil }
        guard let mode, mode.contains("[always]") || mode.contains("[madvise]") else { return nil }
        guard let glibcVersion, supportsHugePageTunable(glibcVersion) else { return nil }
        return tunables
    }

    /// Whether a glibc of `version` (`2.36`) knows `glibc.malloc.hugetlb`.
    static func supportsHugePageTunable(_ version: String) -> Bool {
        let parts = version.split(separator: ".").map { Int($0) }
        guard parts.count >= 2, let major = parts[0], let minor = parts[1] else { return false }
        return major > 2 || (major == 2 && minor >= 35)
    }

    /// Replaces this process by the same executable with the same arguments and the huge-page tunables set, when
    /// `tunables(…)` says so; returns (having changed nothing) when it does not, or when the executable cannot be
    /// started again.
    ///
    /// Called first in `main`, before any thread starts or file opens.
    public static func restartIfWorthIt() {
        let arguments = CommandLine.arguments
        let command = arguments.count > 1 ? arguments[1] : nil
        guard let value = tunables(command: command, existing: environment("GLIBC_TUNABLES"), switchValue: environment(switchVariable),
                                   mode: contents(of: "/sys/kernel/mm/transparent_hugepage/enabled"),
                                   glibcVersion: glibcVersion()) else { return }
        setenv("GLIBC_TUNABLES", value, 1)
        // The arguments as the process got them, byte for byte (`CommandLine.arguments` has decoded them as UTF-8).
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // Still here: the executable could not be started again, so this start goes on, as it would have without.
        unsetenv("GLIBC_TUNABLES")
    }

    /// The variable's value, or nil when it is not set.
    private static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The running glibc's version (`2.36`), from `confstr`, or nil under another C library.
    private static func glibcVersion() -> String? {
        var buffer = [CChar](repeating: 0, count: 64)
        guard confstr(Int32(_CS_GNU_LIBC_VERSION), &buffer, buffer.count) > 0 else { return nil }
        let text = String(cString: buffer)
        guard text.hasPrefix("glibc ") else { return nil }
        return String(text.dropFirst("glibc ".count))
    }

    /// The text of a small system file (its first 256 bytes), or nil when it cannot be read.
    private static func contents(of path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = read(descriptor, &buffer, buffer.count)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }
}

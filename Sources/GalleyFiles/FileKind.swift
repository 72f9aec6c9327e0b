import Foundation

/// What kind of object a path names, from `stat`: only regular files are read as inputs or replaced as outputs.
public enum FileKind: Sendable, Equatable {
    /// A regular file of this many bytes.
    case regular(size: Int)
    /// A folder.
    case folder
    /// A named pipe: reading it could block forever.
    case fifo
    /// A character device such as `/dev/null`, `/dev/zero` or a terminal.
    case characterDevice
    /// A block device (a disk).
    case blockDevice
    /// A socket.
    case socket
    /// Nothing is there.
    case missing

    /// The kind of `mode`'s file type bits.
    init(mode: mode_t, size: off_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular(size: Int(size))
        case S_IFDIR: self = .folder
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        default: self = .socket
        }
    }

    /// The kind of what `path` names, following symbolic links; throws a `FileProblem` only for errors other than absence.
    public static func of(_ path: String) throws -> FileKind {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT { return .missing }
            throw FileProblem(path: path, errno: code, action: "cannot be examined")
        }
        return FileKind(mode: info.st_mode, size: info.st_size)
    }

    /// Why a file of this kind cannot be read as an input, or nil for a regular file.
    public var refusal: String? {
        switch self {
        case .regular: return nil
        case .folder: return "is a folder, not a file"
        case .fifo: return "is a named pipe (FIFO), not a regular file"
        case .characterDevice: return "is a device, not a regular file"
        case .blockDevice: return "is a disk device, not a regular file"
        case .socket: return "is a socket, not a regular file"
        case .missing: return "no such file"
        }
    }
}

import Foundation

/// Why a file could not be read or written, as a sentence that names the path: what a user sees instead of
/// an `NSCocoaErrorDomain` code.
public struct FileProblem: Error, CustomStringConvertible, Sendable, Equatable {
    /// The path concerned, as the user gave it.
    public var path: String
    /// What is wrong, in words ("is a folder, not a file").
    public var reason: String

    /// A problem with `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `path: reason`.
    public var description: String { "\(path): \(reason)" }

    /// The problem an `errno` value stands for, when `action` ("cannot be read", "cannot be written") failed.
    public init(path: String, errno code: Int32, action: String) {
        // A missing input needs no verb: "a.json: no such file or folder" says it all.
        if code == ENOENT && action == "cannot be read" {
            self.init(path: path, reason: "no such file or folder")
        } else {
            self.init(path: path, reason: "\(action): \(Self.words(forErrno: code, path: path))")
        }
    }

    /// Any error from a file operation on `path` as a `FileProblem`: POSIX and Cocoa errors become sentences.
    public static func from(_ error: any Error, path: String, action: String) -> FileProblem {
        if let problem = error as? FileProblem { return problem }
        if let posix = error as? POSIXError { return FileProblem(path: path, errno: posix.code.rawValue, action: action) }
        let ns = error as NSError
        // Foundation wraps the system's error; its own code (e.g. 512, "file write unknown") says nothing.
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return FileProblem(path: path, errno: Int32(underlying.code), action: action)
        }
        if ns.domain == NSPOSIXErrorDomain { return FileProblem(path: path, errno: Int32(ns.code), action: action) }
        if ns.domain == NSCocoaErrorDomain {
            switch ns.code {
            case NSFileNoSuchFileError, NSFileReadNoSuchFileError: return FileProblem(path: path, errno: ENOENT, action: action)
            case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return FileProblem(path: path, reason: "\(action): permission denied")
            case NSFileWriteOutOfSpaceError: return FileProblem(path: path, reason: "\(action): the disk is full")
            case NSFileWriteVolumeReadOnlyError: return FileProblem(path: path, reason: "\(action): the file system is read-only")
            case NSFileWriteFileExistsError: return FileProblem(path: path, reason: "\(action): a file of that name is in the way")
            case NSFileReadTooLargeError: return FileProblem(path: path, reason: "\(action): the file is too large")
            case NSFileReadCorruptFileError, NSFileReadInapplicableStringEncodingError:
                return FileProblem(path: path, reason: "\(action): the contents are not in the expected form")
            default: break
            }
        }
        return FileProblem(path: path, reason: "\(action): \(ns.localizedFailureReason ?? "the system gave no reason (error \(ns.code))")")
    }

    /// What an `errno` value means for `path`, in words.
    static func words(forErrno code: Int32, path: String) -> String {
        switch code {
        case ENOENT: return "no such file or folder"
        case EACCES, EPERM: return "permission denied"
        case ENOSPC: return "the disk is full"
        case EDQUOT: return "the disk quota is used up"
        case EROFS: return "the file system is read-only"
        case EISDIR: return "is a folder, not a file"
        case ENOTDIR: return "a part of the path is not a folder"
        case ENAMETOOLONG:
            let name = (path as NSString).lastPathComponent
            return "the name is too long (\(name.utf8.count) bytes; file names may have at most 255)"
        case ELOOP: return "the path has too many symbolic links (a loop?)"
        case EEXIST: return "a file of that name is in the way"
        case EMFILE, ENFILE: return "too many files are open"
        case EIO: return "an input/output error (a failing disk?)"
        case EFBIG: return "the file would be larger than the file system allows"
        case EXDEV: return "the temporary file and the target are on different file systems"
        case EBUSY, ETXTBSY: return "the file is busy"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}

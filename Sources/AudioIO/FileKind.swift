#if canImport(Glibc)
import Glibc
#endif

/// What kind of file system object a path names, from `stat(2)` without opening it: a scanner
/// that opened a named pipe or a device would wait for ever for a writer.
public enum FileKind: Sendable, Hashable {
    /// A regular file: the only kind Segue reads.
    case regular
    /// A folder.
    case directory
    /// Anything else (named pipe, socket, device), with a name for messages.
    case special(String)
    /// The path does not exist or cannot be examined (a dangling link, no permission).
    case missing(String)

    /// The kind of the object `path` names, following links.
    public static func of(_ path: String) -> FileKind {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENAMETOOLONG { return .missing("the path is longer than the system allows (\(PATH_MAX) bytes)") }
            return .missing(String(cString: strerror(code)))
        }
        return FileKind(mode: info.st_mode)
    }

    /// The kind a `stat` mode (`st_mode`) describes.
    public init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFIFO: self = .special("a named pipe")
        case S_IFSOCK: self = .special("a socket")
        case S_IFCHR: self = .special("a character device")
        case S_IFBLK: self = .special("a block device")
        default: self = .special("not a regular file")
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// Opening a file for decoding without ever blocking: named pipes, sockets and devices are
/// refused before a read could wait for a writer that never comes.
public enum RegularFile {
    /// Opens `path` read-only and non-blocking and checks, on the open descriptor, that it is a
    /// regular file (so a file swapped for a pipe after a scan listed it is still refused).
    /// - Parameter followingLinks: false to refuse a path whose last component is a symbolic
    ///   link (`O_NOFOLLOW`), for files the library stores by their resolved path.
    /// - Returns: the descriptor, in blocking mode again; the caller closes it.
    /// - Throws: ``AudioIOError/unreadable(path:reason:)`` naming what the path is instead.
    public static func open(_ path: String, followingLinks: Bool = true) throws(AudioIOError) -> Int32 {
        let descriptor = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else {
            let code = errno
            let reason = code == ENAMETOOLONG ? "the path is longer than the system allows"
                : code == ELOOP && !followingLinks ? "a symbolic link now stands where the scanned file was; scan its folder again"
                : String(cString: strerror(code))
            throw .unreadable(path: path, reason: reason)
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            close(descriptor)
            throw .unreadable(path: path, reason: "cannot examine the file")
        }
        switch FileKind(mode: info.st_mode) {
        case .regular: break
        case .directory:
            close(descriptor)
            throw .unreadable(path: path, reason: "a folder, not an audio file")
        case .special(let kind), .missing(let kind):
            close(descriptor)
            throw .unreadable(path: path, reason: "\(kind), not an audio file")
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        return descriptor
    }

    /// A reason for a regular file the decoder did not recognise that says what the file holds:
    /// libsndfile's own message for unknown content can be misleading ("possibly a pipe").
    static func describeUnrecognised(path: String, library: String) -> String {
        let descriptor = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return library }
        defer { close(descriptor) }
        var head = [UInt8](repeating: 0, count: 512)
        let count = head.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 512) }
        guard count >= 0 else { return library }
        if count == 0 { return "the file is empty" }
        let bytes = head.prefix(count)
        let printable = bytes.filter { $0 == 9 || $0 == 10 || $0 == 13 || (32..<127).contains($0) || $0 >= 0x80 }.count
        if printable == count { return "the file holds text, not audio" }
        return "not a recognised audio format (WAV, AIFF, FLAC, OGG, Opus or MP3)"
    }
}

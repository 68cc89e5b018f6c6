#if canImport(Glibc)
import Glibc
#endif

/// What a scan recorded about a track's file: enough to tell, on the open descriptor, that a file
/// read later for the same track is still that file — not a link planted in its place, not a
/// private file swapped in, not a new recording under the old name.
public struct ScannedFile: Sendable, Hashable {
    /// Size in bytes.
    public var size: Int64
    /// Modification time, seconds since 1970.
    public var modifiedAt: Double
    /// The ``ContentHash`` stored at the scan ("" when none was: then size and time decide).
    public var contentHash: String

    /// Records a scanned file's identity.
    public init(size: Int64, modifiedAt: Double, contentHash: String) {
        self.size = size
        self.modifiedAt = modifiedAt
        self.contentHash = contentHash
    }

    /// Opens `path` read-only without following a final symbolic link (`O_NOFOLLOW`) and checks,
    /// on the open descriptor, that it is a regular file with the scanned size, modification time
    /// (within a millisecond) and content hash.
    /// - Returns: the descriptor, positioned at the start, in blocking mode; the caller closes it.
    /// - Throws: ``AudioIOError/unreadable(path:reason:)`` saying what differs (a link, another
    ///   size, another time, other content), so the caller can ask for a rescan.
    public func open(_ path: String) throws(AudioIOError) -> Int32 {
        let descriptor = try RegularFile.open(path, followingLinks: false)
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            close(descriptor)
            throw .unreadable(path: path, reason: "cannot examine the file")
        }
        let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        let reason: String? =
            Int64(info.st_size) != size ? "the file's size changed since it was scanned"
            : abs(modified - modifiedAt) > 0.001 ? "the file was modified since it was scanned"
            : !contentHash.isEmpty && ContentHash.of(descriptor: descriptor, size: size) != contentHash ? "the file's content changed since it was scanned"
            : nil
        if let reason {
            close(descriptor)
            throw .unreadable(path: path, reason: reason + "; scan its folder again")
        }
        return descriptor
    }
}

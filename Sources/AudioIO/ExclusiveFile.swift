#if canImport(Glibc)
import Glibc
#endif

/// Files Segue writes are created new, under a name nobody could have planted beforehand, and
/// renamed into place when complete: a symlink or an existing file at the temporary name is never
/// followed or truncated, and two writers of one output never share a temporary file.
public enum ExclusiveFile {
    /// Creates a new, empty file beside `path` named `.NAME.part-RANDOM.EXT` (the final extension
    /// kept: some encoders check formats by name) with `O_CREAT | O_EXCL | O_NOFOLLOW`.
    /// - Returns: the open descriptor (write only; the caller closes it) and the part's path.
    /// - Throws: ``AudioIOError/unwritable(path:reason:)`` when the folder cannot take a new file.
    public static func createPart(beside path: String) throws(AudioIOError) -> (descriptor: Int32, partPath: String) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let fileExtension = name.contains(".") ? String(name[name.index(after: name.lastIndex(of: ".")!)...]) : ""
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<16 {
            let token = String(generator.next() as UInt64, radix: 36)
            let partPath = folder + "." + name + ".part-" + token + (fileExtension.isEmpty ? "" : "." + fileExtension)
            let descriptor = open(partPath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if descriptor >= 0 { return (descriptor, partPath) }
            if errno != EEXIST { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        }
        throw .unwritable(path: path, reason: "no free temporary name beside it")
    }

    /// Renames the complete `partPath` to `path` in one step (replacing a file or link of that
    /// name, never writing through it); on failure the part is deleted.
    /// - Throws: ``AudioIOError/unwritable(path:reason:)`` when the rename fails.
    public static func commit(_ partPath: String, to path: String) throws(AudioIOError) {
        guard rename(partPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(partPath)
            throw .unwritable(path: path, reason: reason)
        }
    }
}

import CTagObjects
import Foundation

/// Binary objects inside audio files' tags, where DJ software keeps what plain tags cannot hold
/// (Serato's cues, beat grids): ID3v2 `GEOB` frames in MP3, AIFF and WAV, Vorbis comment fields
/// in FLAC. Read and written with TagLib.
///
/// A write never edits the file in place: it copies the file beside itself, writes the tag into
/// the copy and renames the copy over the original (keeping its permissions), so a crash or a
/// kill mid-write leaves the original whole.
public struct TagObjectStore: Sendable {
    /// How a file keeps binary objects.
    public enum Container: Sendable, Hashable {
        /// An ID3v2 tag: MP3, or the `ID3 ` chunk of AIFF and WAV.
        case id3(format: String)
        /// A Vorbis comment: FLAC.
        case vorbisComment
    }

    /// Creates a store.
    public init() {}

    /// How the file at `path` keeps objects, from its extension; nil for containers Segue does
    /// not write objects into (Ogg, MP4 and others).
    public func container(of path: String) -> Container? {
        switch (path as NSString).pathExtension.lowercased() {
        case "mp3": return .id3(format: "mp3")
        case "aif", "aiff": return .id3(format: "aiff")
        case "wav": return .id3(format: "wav")
        case "flac": return .vorbisComment
        default: return nil
        }
    }

    /// The object of the `GEOB` frame described `description`, or nil when the file has none.
    /// - Throws: ``AudioIOError/unreadable(path:reason:)`` when TagLib cannot read the file,
    ///   ``AudioIOError/unsupportedFormat(_:)`` when the file has no ID3v2 container.
    public func readObject(described description: String, in path: String) throws(AudioIOError) -> Data? {
        let container = try id3Container(of: path)
        let (status, bytes): (SegueTagStatus, Data?) = TagLibAccess.withLock {
            var data: UnsafeMutablePointer<UInt8>?
            var length = 0
            let status = segue_tag_read_geob(path, container, description, &data, &length)
            defer { segue_tag_free(data) }
            guard status == SEGUE_TAG_OK, let data else { return (status, nil) }
            return (status, Data(bytes: data, count: length))
        }
        return try result(status, path: path, reading: true) ? bytes : nil
    }

    /// Replaces (or adds) the `GEOB` frame described `description`, keeping every other frame.
    /// - Throws: ``AudioIOError/unwritable(path:reason:)`` naming the file.
    public func writeObject(_ object: Data, described description: String, mimeType: String = "application/octet-stream",
                            in path: String) throws(AudioIOError) {
        let container = try id3Container(of: path)
        try replacingSafely(path) { copy in
            TagLibAccess.withLock {
                object.withUnsafeBytes { raw in
                    segue_tag_write_geob(copy, container, description, mimeType, raw.bindMemory(to: UInt8.self).baseAddress, raw.count)
                }
            }
        }
    }

    /// The first value of the Vorbis comment field `field` (FLAC), or nil when absent.
    public func readCommentField(_ field: String, in path: String) throws(AudioIOError) -> String? {
        try requireVorbisComment(path)
        let (status, text): (SegueTagStatus, String?) = TagLibAccess.withLock {
            var value: UnsafeMutablePointer<CChar>?
            let status = segue_tag_read_comment_field(path, SEGUE_TAG_CONTAINER_FLAC, field, &value)
            defer { segue_tag_free(value) }
            guard status == SEGUE_TAG_OK, let value else { return (status, nil) }
            return (status, String(cString: value))
        }
        return try result(status, path: path, reading: true) ? text : nil
    }

    /// Sets the Vorbis comment field `field` (FLAC), replacing its old values.
    public func writeCommentField(_ field: String, value: String, in path: String) throws(AudioIOError) {
        try requireVorbisComment(path)
        try replacingSafely(path) { copy in
            TagLibAccess.withLock { segue_tag_write_comment_field(copy, SEGUE_TAG_CONTAINER_FLAC, field, value) }
        }
    }

    private func id3Container(of path: String) throws(AudioIOError) -> SegueTagContainer {
        switch container(of: path) {
        case .id3(format: "mp3"): return SEGUE_TAG_CONTAINER_MP3
        case .id3(format: "aiff"): return SEGUE_TAG_CONTAINER_AIFF
        case .id3(format: "wav"): return SEGUE_TAG_CONTAINER_WAV
        default: throw .unsupportedFormat((path as NSString).pathExtension)
        }
    }

    private func requireVorbisComment(_ path: String) throws(AudioIOError) {
        guard container(of: path) == .vorbisComment else { throw .unsupportedFormat((path as NSString).pathExtension) }
    }

    /// True when the object was found, false when absent; throws for the failures.
    private func result(_ status: SegueTagStatus, path: String, reading: Bool) throws(AudioIOError) -> Bool {
        switch status {
        case SEGUE_TAG_OK: return true
        case SEGUE_TAG_ABSENT: return false
        case SEGUE_TAG_UNSUPPORTED: throw .unsupportedFormat((path as NSString).pathExtension)
        case SEGUE_TAG_UNREADABLE: throw .unreadable(path: path, reason: "TagLib cannot read its tags")
        default: throw .unwritable(path: path, reason: reading ? "TagLib cannot read its tags" : "TagLib could not save the tags")
        }
    }

    /// Copies `path` beside itself, lets `write` change the copy, and renames the copy over the
    /// original with the original's permissions; on any failure the copy is removed and the
    /// original is untouched.
    private func replacingSafely(_ path: String, write: (String) -> SegueTagStatus) throws(AudioIOError) {
        let url = URL(fileURLWithPath: path)
        let copy = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).segue-tags-\(getpid()).tmp").path
        let manager = FileManager.default
        var info = stat()
        guard stat(path, &info) == 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        try? manager.removeItem(atPath: copy)
        do { try manager.copyItem(atPath: path, toPath: copy) } catch {
            throw .unwritable(path: path, reason: "cannot copy it beside itself to write the tag (\(error.localizedDescription))")
        }
        let status = write(copy)
        guard status == SEGUE_TAG_OK else {
            try? manager.removeItem(atPath: copy)
            _ = try result(status, path: path, reading: false)
            throw .unwritable(path: path, reason: "TagLib could not save the tags")
        }
        chmod(copy, info.st_mode & 0o7777)
        guard rename(copy, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? manager.removeItem(atPath: copy)
            throw .unwritable(path: path, reason: reason)
        }
    }
}

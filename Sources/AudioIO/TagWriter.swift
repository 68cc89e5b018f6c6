import CTagLib
import DJModel

/// Writes artist, title, album, genre and comment with TagLib (ID3v2 in MP3/WAV/AIFF, Vorbis
/// comments in FLAC/OGG), so that every container carries tags the readers of DJ software see.
public struct TagWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// Writes `metadata` into the file at `path` (empty fields are left out).
    /// - Throws: ``AudioIOError/unwritable(path:reason:)`` when TagLib cannot open or save the file.
    public func write(_ metadata: TrackMetadata, to path: String) throws(AudioIOError) {
        let saved: Bool = TagLibAccess.withLock {
            taglib_set_strings_unicode(1)
            guard let file = taglib_file_new(path) else { return false }
            defer { taglib_file_free(file) }
            guard taglib_file_is_valid(file) != 0, let tag = taglib_file_tag(file) else { return false }
            if !metadata.artist.isEmpty { taglib_tag_set_artist(tag, metadata.artist) }
            if !metadata.title.isEmpty { taglib_tag_set_title(tag, metadata.title) }
            if !metadata.album.isEmpty { taglib_tag_set_album(tag, metadata.album) }
            if !metadata.genre.isEmpty { taglib_tag_set_genre(tag, metadata.genre) }
            if !metadata.comment.isEmpty { taglib_tag_set_comment(tag, metadata.comment) }
            return taglib_file_save(file) != 0
        }
        guard saved else { throw .unwritable(path: path, reason: "TagLib could not write the tags") }
    }
}

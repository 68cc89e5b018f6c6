import CTagLib
import DJModel
import Synchronization

/// TagLib's C API keeps global settings and string bookkeeping; every call goes through this lock.
enum TagLibAccess {
    private static let lock = Mutex(())

    static func withLock<T>(_ body: () -> T) -> T {
        lock.withLock { _ in body() }
    }
}

/// Tags and audio properties read with TagLib.
public struct FileTags: Sendable, Hashable {
    /// Artist, title, album, genre, comment.
    public var metadata: TrackMetadata
    /// Duration in seconds as TagLib reports it (whole seconds; 0 when unknown).
    public var duration: Double
}

/// Reads artist, title, album, genre, comment and duration with TagLib (ID3v1/v2, Vorbis
/// comments, RIFF INFO, AIFF ID3 chunks, MP4 atoms).
public struct TagReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads the tags of `path`; a file TagLib cannot parse yields empty tags rather than an error
    /// (the decoder is the judge of whether a file is audio).
    public func read(path: String) -> FileTags {
        TagLibAccess.withLock {
            taglib_set_strings_unicode(1)
            taglib_set_string_management_enabled(0)
            guard let file = taglib_file_new(path) else { return FileTags(metadata: TrackMetadata(), duration: 0) }
            defer { taglib_file_free(file) }
            guard taglib_file_is_valid(file) != 0 else { return FileTags(metadata: TrackMetadata(), duration: 0) }
            var metadata = TrackMetadata()
            if let tag = taglib_file_tag(file) {
                func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
                    guard let pointer else { return "" }
                    defer { taglib_free(pointer) }
                    return (String(validatingCString: pointer) ?? "").trimmingWhitespace
                }
                metadata.artist = take(taglib_tag_artist(tag))
                metadata.title = take(taglib_tag_title(tag))
                metadata.album = take(taglib_tag_album(tag))
                metadata.genre = take(taglib_tag_genre(tag))
                metadata.comment = take(taglib_tag_comment(tag))
            }
            var duration = 0.0
            if let properties = taglib_file_audioproperties(file) {
                duration = Double(taglib_audioproperties_length(properties))
            }
            return FileTags(metadata: metadata, duration: duration)
        }
    }
}

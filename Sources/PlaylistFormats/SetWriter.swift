import DJModel
import Foundation

/// A playlist format that writes a set and reads back what it wrote (every exporter is also a
/// reader, checked by one shared round-trip contract test).
public protocol SetWriter: Sendable {
    /// File extension without the dot.
    var fileExtension: String { get }
    /// MIME type for downloads.
    var contentType: String { get }
    /// Serialises `set`.
    func write(_ set: DJSet) throws(PlaylistFormatError) -> Data
    /// Reads the tracks back in order (as much of each entry as the format keeps).
    func readTracks(_ data: Data, source: String) throws(PlaylistFormatError) -> [PlaylistEntry]
}

/// One track as a playlist file holds it.
public struct PlaylistEntry: Sendable, Hashable {
    /// File path (or location), possibly empty.
    public var path: String
    /// Artist, possibly empty.
    public var artist: String
    /// Title, possibly empty.
    public var title: String
    /// Duration in seconds, when stored.
    public var duration: Double?

    /// Creates an entry.
    public init(path: String, artist: String, title: String, duration: Double? = nil) {
        self.path = path
        self.artist = artist
        self.title = title
        self.duration = duration
    }
}

/// Tags of an audio file (or of a catalogue-only track known from tracklists).
public struct TrackMetadata: Hashable, Sendable, Codable {
    /// Artist name; empty when unknown.
    public var artist: String
    /// Track title; empty when unknown.
    public var title: String
    /// Album or release.
    public var album: String
    /// Genre tag.
    public var genre: String
    /// Free-text comment tag.
    public var comment: String

    /// Creates metadata.
    public init(artist: String = "", title: String = "", album: String = "", genre: String = "", comment: String = "") {
        self.artist = artist
        self.title = title
        self.album = album
        self.genre = genre
        self.comment = comment
    }

    /// `Artist - Title`, or whichever part is known.
    public var displayName: String {
        switch (artist.isEmpty, title.isEmpty) {
        case (false, false): return "\(artist) - \(title)"
        case (true, false): return title
        case (false, true): return artist
        case (true, true): return "(untitled)"
        }
    }
}

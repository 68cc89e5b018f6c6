import DJModel
import GRDB

/// A row of the `track` table: a file with its tags (or a track known only from tracklists, with
/// no path), and the key tracklists are matched on.
struct TrackRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable, Equatable {
    static let databaseTableName = "track"

    /// The table's columns.
    enum Columns {
        static let id = Column("id"), path = Column("path"), fileSize = Column("fileSize"), modifiedAt = Column("modifiedAt")
        static let contentHash = Column("contentHash"), artist = Column("artist"), title = Column("title"), album = Column("album")
        static let genre = Column("genre"), comment = Column("comment"), duration = Column("duration"), matchKey = Column("matchKey")
        /// Every column, in the order reads select them.
        static let all = [id, path, fileSize, modifiedAt, contentHash, artist, title, album, genre, comment, duration, matchKey]
    }

    /// The row id (`nil` before the first insert).
    var id: Int64?
    /// The file's path; `nil` for a track known only from tracklists.
    var path: String?
    /// Size and modification time of the file when it was analysed, and its content hash.
    var fileSize: Int64?, modifiedAt: Double?, contentHash: String?
    /// Tags.
    var artist: String, title: String, album: String, genre: String, comment: String
    /// Seconds (0 until analysed).
    var duration: Double
    /// Normalised artist and title (``MatchKey``).
    var matchKey: String

    /// A track with these tags, not yet stored.
    init(path: String?, fileSize: Int64?, modifiedAt: Double?, contentHash: String?, metadata: TrackMetadata, duration: Double) {
        self.path = path
        self.fileSize = fileSize
        self.modifiedAt = modifiedAt
        self.contentHash = contentHash
        artist = metadata.artist
        title = metadata.title
        album = metadata.album
        genre = metadata.genre
        comment = metadata.comment
        self.duration = duration
        matchKey = MatchKey.make(artist: metadata.artist, title: metadata.title)
    }

    /// Reads the columns of ``Columns/all``, selected in that order from position `offset` of
    /// `row`: the bulk path (reading by name, through a scope adapter, cost 10–17 µs a track at 100k
    /// tracks). `TrackRecordTests` checks it reads what the Codable row decoding does.
    init(selected row: Row, from offset: Int = 0) {
        id = row[offset]
        path = row[offset + 1]
        fileSize = row[offset + 2]
        modifiedAt = row[offset + 3]
        contentHash = row[offset + 4]
        artist = row[offset + 5]
        title = row[offset + 6]
        album = row[offset + 7]
        genre = row[offset + 8]
        comment = row[offset + 9]
        duration = row[offset + 10]
        matchKey = row[offset + 11]
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The track with `metadata`'s artist and title (by match key, the first stored), or a new
    /// catalogue-only track (no file) with these tags.
    /// - Returns: its id, and whether it was created.
    static func catalogueTrack(_ metadata: TrackMetadata, in db: Database) throws -> (id: Int64, created: Bool) {
        var record = TrackRecord(path: nil, fileSize: nil, modifiedAt: nil, contentHash: nil, metadata: metadata, duration: 0)
        if let id = try Int64.fetchOne(db, select(Columns.id).filter(Columns.matchKey == record.matchKey).order(Columns.id).limit(1)) {
            return (id, false)
        }
        try record.insert(db)
        guard let id = record.id else { throw LibraryError.database("a new track row has no id") }
        return (id, true)
    }

    /// The tags.
    var metadata: TrackMetadata { TrackMetadata(artist: artist, title: title, album: album, genre: genre, comment: comment) }
}

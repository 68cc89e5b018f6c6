import GRDB

/// A row of the `tracklist` table: one imported DJ set or playlist, by its source and its id there.
struct TracklistRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "tracklist"

    /// The table's columns.
    enum Columns {
        static let id = Column(CodingKeys.id), source = Column(CodingKeys.source), externalId = Column(CodingKeys.externalId)
        static let name = Column(CodingKeys.name)
    }

    /// The row id (`nil` before the first insert).
    var id: Int64?
    /// Where it came from (a file's path or an upload's name).
    var source: String
    /// Its id in that source.
    var externalId: String
    /// Its name.
    var name: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of the `tracklistEntry` table: the track at one position of a tracklist.
struct TracklistEntryRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "tracklistEntry"

    /// The table's columns.
    enum Columns {
        static let tracklistId = Column(CodingKeys.tracklistId), position = Column(CodingKeys.position), trackId = Column(CodingKeys.trackId)
    }

    /// The tracklist.
    var tracklistId: Int64
    /// 0-based position in it.
    var position: Int
    /// The track played there.
    var trackId: Int64
}

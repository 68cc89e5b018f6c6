import DJModel
import GRDB

extension TrackLibrary {
    /// A stored DJ-set tracklist.
    public struct StoredTracklist: Sendable, Hashable {
        /// Row id.
        public var id: Int64
        /// Where it came from (file path or source name).
        public var source: String
        /// The set's id within that source.
        public var externalId: String
        /// The tracks in play order.
        public var trackIds: [TrackID]
    }

    /// A tracklist entry to store: a track the library has, or a catalogue-only track to create
    /// (or reuse, when one with the same artist and title exists) in the same transaction.
    public enum EntryTrack: Sendable, Hashable {
        /// A library track.
        case existing(TrackID)
        /// A track known only from tracklists.
        case catalogue(TrackMetadata)
    }

    /// Stores tracklists from one source in a single transaction: all of them or none. A tracklist
    /// with the same source and external id is replaced, so re-importing a file changes nothing.
    public func replaceTracklists(source: String, _ tracklists: [(externalId: String, name: String, trackIds: [TrackID])]) throws(LibraryError) {
        try replaceTracklists(source: source, tracklists.map { ($0.externalId, $0.name, $0.trackIds.map(EntryTrack.existing)) })
    }

    /// Stores tracklists from one source, creating their catalogue-only tracks, in a single
    /// transaction: a crash or error at any point leaves the library as it was before.
    /// - Returns: the new catalogue tracks created (entries that reused an existing track are not counted).
    @discardableResult
    public func replaceTracklists(source: String, _ tracklists: [(externalId: String, name: String, entries: [EntryTrack])]) throws(LibraryError) -> Int {
        try write { db in
            var created = 0
            var catalogue: [String: Int64] = [:]
            func rowId(of entry: EntryTrack) throws -> Int64 {
                switch entry {
                case .existing(let id): return id.rawValue
                case .catalogue(let metadata):
                    let matchKey = MatchKey.make(artist: metadata.artist, title: metadata.title)
                    if let known = catalogue[matchKey] { return known }
                    let id: Int64
                    if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM track WHERE matchKey = ? ORDER BY id LIMIT 1", arguments: [matchKey]) {
                        id = existing
                    } else {
                        try db.execute(sql: "INSERT INTO track (artist, title, album, genre, matchKey) VALUES (?, ?, ?, ?, ?)",
                                       arguments: [metadata.artist, metadata.title, metadata.album, metadata.genre, matchKey])
                        id = db.lastInsertedRowID
                        created += 1
                    }
                    catalogue[matchKey] = id
                    return id
                }
            }
            for list in tracklists {
                try db.execute(sql: "DELETE FROM tracklist WHERE source = ? AND externalId = ?", arguments: [source, list.externalId])
                try db.execute(sql: "INSERT INTO tracklist (source, externalId, name) VALUES (?, ?, ?)",
                               arguments: [source, list.externalId, list.name])
                let id = db.lastInsertedRowID
                for (position, entry) in list.entries.enumerated() {
                    try db.execute(sql: "INSERT INTO tracklistEntry (tracklistId, position, trackId) VALUES (?, ?, ?)",
                                   arguments: [id, position, try rowId(of: entry)])
                }
            }
            return created
        }
    }

    /// Every stored tracklist.
    public func tracklists() throws(LibraryError) -> [StoredTracklist] {
        try read { db in
            var lists: [Int64: StoredTracklist] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, source, externalId FROM tracklist") {
                lists[row[0]] = StoredTracklist(id: row[0], source: row[1], externalId: row[2], trackIds: [])
            }
            for row in try Row.fetchAll(db, sql: "SELECT tracklistId, trackId FROM tracklistEntry ORDER BY tracklistId, position") {
                lists[row[0]]?.trackIds.append(TrackID(row[1]))
            }
            return lists.values.sorted { $0.id < $1.id }
        }
    }
}

extension TrackLibrary {
    /// Whether any stored tracklist names `id`.
    public func isInTracklists(_ id: TrackID) throws(LibraryError) -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM tracklistEntry WHERE trackId = ?)", arguments: [id.rawValue]) ?? false }
    }
}

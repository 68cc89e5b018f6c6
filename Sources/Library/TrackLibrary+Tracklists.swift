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

    /// Stores tracklists from one source in a single transaction: all of them or none. A tracklist
    /// with the same source and external id is replaced, so re-importing a file changes nothing.
    public func replaceTracklists(source: String, _ tracklists: [(externalId: String, name: String, trackIds: [TrackID])]) throws(LibraryError) {
        try write { db in
            for list in tracklists {
                try db.execute(sql: "DELETE FROM tracklist WHERE source = ? AND externalId = ?", arguments: [source, list.externalId])
                try db.execute(sql: "INSERT INTO tracklist (source, externalId, name) VALUES (?, ?, ?)",
                               arguments: [source, list.externalId, list.name])
                let id = db.lastInsertedRowID
                for (position, trackId) in list.trackIds.enumerated() {
                    try db.execute(sql: "INSERT INTO tracklistEntry (tracklistId, position, trackId) VALUES (?, ?, ?)",
                                   arguments: [id, position, trackId.rawValue])
                }
            }
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

import Foundation
import GRDB

extension TrackLibrary {
    /// Stores a planned set's document under `id` and keeps only the newest `keep` sets.
    public func saveSet(id: String, document: Data, keep: Int = 1000) throws(LibraryError) {
        try write { db in
            try SavedSetRecord(id: id, createdAt: Date().timeIntervalSince1970, document: document).insert(db, onConflict: .replace)
            // The newest `keep` by insertion order (a replaced set gets a new rowid): the rowid of the
            // (keep + 1)-th newest bounds the rest, found by walking the table's own b-tree, no sort.
            try db.execute(sql: "DELETE FROM savedSet WHERE rowid <= (SELECT rowid FROM savedSet ORDER BY rowid DESC LIMIT 1 OFFSET ?)",
                           arguments: [keep])
        }
    }

    /// The document stored under `id`, or `nil`.
    public func savedSet(id: String) throws(LibraryError) -> Data? {
        try read { db in try SavedSetRecord.fetchOne(db, key: id)?.document }
    }

    /// How many sets are stored.
    public func savedSetCount() throws(LibraryError) -> Int {
        try read { db in try SavedSetRecord.fetchCount(db) }
    }
}

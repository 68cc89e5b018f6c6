import Foundation
import GRDB

/// A stored set a DJ named: what `GET /sets` lists.
public struct NamedSetRow: Sendable, Hashable {
    /// The set's id.
    public var id: String
    /// The DJ's name for it.
    public var name: String
    /// When this version was stored (seconds since 1970).
    public var createdAt: Double
    /// Its JSON set document.
    public var document: Data
}

extension TrackLibrary {
    /// Stores a planned set's document under `id` (and `name`, which another version holding it
    /// loses) and keeps only the newest `keep` unnamed sets (named sets stay until they are
    /// deleted or their name moves to another version).
    /// - Parameter replacing: whether `name` may be taken from another set that holds it (which
    ///   then becomes unnamed, and is pruned in time); otherwise that is refused.
    /// - Throws: ``LibraryError/nameTaken(name:id:)`` when another set holds `name` and
    ///   `replacing` is false (nothing is stored).
    public func saveSet(id: String, document: Data, name: String? = nil, replacing: Bool = false, keep: Int = 1000) throws(LibraryError) {
        try write { db in
            if let name {
                try Self.checkNameFree(name, for: id, replacing: replacing, in: db)
                try db.execute(sql: "UPDATE savedSet SET name = NULL WHERE name = ?", arguments: [name])
            }
            try SavedSetRecord(id: id, createdAt: Date().timeIntervalSince1970, document: document, name: name).insert(db, onConflict: .replace)
            // The newest `keep` unnamed ones by insertion order (a replaced set gets a new rowid): the
            // rowid of the (keep + 1)-th newest bounds the rest.
            try db.execute(sql: """
                DELETE FROM savedSet WHERE name IS NULL
                  AND rowid <= (SELECT rowid FROM savedSet WHERE name IS NULL ORDER BY rowid DESC LIMIT 1 OFFSET ?)
                """, arguments: [keep])
        }
    }

    /// The document stored under `id`, or `nil`.
    public func savedSet(id: String) throws(LibraryError) -> Data? {
        try read { db in try SavedSetRecord.fetchOne(db, key: id)?.document }
    }

    /// The name of the set stored under `id` (nil when unnamed or unknown).
    public func savedSetName(id: String) throws(LibraryError) -> String? {
        try read { db in try SavedSetRecord.fetchOne(db, key: id)?.name }
    }

    /// How many sets are stored.
    public func savedSetCount() throws(LibraryError) -> Int {
        try read { db in try SavedSetRecord.fetchCount(db) }
    }

    /// Names the set stored under `id` and stores `document` (the set with its new name) in its
    /// place; another version holding the same name loses it, so a name means one set.
    /// - Returns: false when no set has that id.
    /// - Parameter replacing: as in ``saveSet(id:document:name:replacing:keep:)``.
    /// - Throws: ``LibraryError/nameTaken(name:id:)`` when another set holds `name` and
    ///   `replacing` is false.
    public func nameSavedSet(id: String, name: String, document: Data, replacing: Bool = false) throws(LibraryError) -> Bool {
        try write { db in
            guard try SavedSetRecord.fetchOne(db, key: id) != nil else { return false }
            try Self.checkNameFree(name, for: id, replacing: replacing, in: db)
            try db.execute(sql: "UPDATE savedSet SET name = NULL WHERE name = ? AND id != ?", arguments: [name, id])
            try db.execute(sql: "UPDATE savedSet SET name = ?, document = ? WHERE id = ?", arguments: [name, document, id])
            return true
        }
    }

    /// The named sets, newest first, at most `limit`.
    public func namedSets(limit: Int) throws(LibraryError) -> [NamedSetRow] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, createdAt, document FROM savedSet WHERE name IS NOT NULL ORDER BY createdAt DESC, rowid DESC LIMIT ?",
                             arguments: [limit])
                .map { NamedSetRow(id: $0["id"], name: $0["name"], createdAt: $0["createdAt"], document: $0["document"]) }
        }
    }

    /// Deletes the set stored under `id`.
    /// - Returns: false when no set has that id.
    public func deleteSavedSet(id: String) throws(LibraryError) -> Bool {
        try write { db in try SavedSetRecord.deleteOne(db, key: id) }
    }

    /// Refuses `name` for set `id` when another set holds it, unless `replacing`.
    private static func checkNameFree(_ name: String, for id: String, replacing: Bool, in db: Database) throws {
        guard !replacing, let holder = try String.fetchOne(db, sql: "SELECT id FROM savedSet WHERE name = ? AND id != ? LIMIT 1",
                                                         arguments: [name, id]) else { return }
        throw LibraryError.nameTaken(name: name, id: holder)
    }
}

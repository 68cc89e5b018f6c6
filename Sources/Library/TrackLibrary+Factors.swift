import DJModel
import GRDB

extension TrackLibrary {
    /// Replaces all vectors of one kind in one transaction.
    public func replaceFactors(kind: FactorKind, _ vectors: [TrackID: [Float]]) throws(LibraryError) {
        try write { db in
            try db.execute(sql: "DELETE FROM factor WHERE kind = ?", arguments: [kind.rawValue])
            for (id, vector) in vectors {
                try db.execute(sql: "INSERT INTO factor (trackId, kind, vector) VALUES (?, ?, ?)",
                               arguments: [id.rawValue, kind.rawValue, FloatBlob.encode(vector)])
            }
        }
    }

    /// All vectors of one kind.
    public func factors(kind: FactorKind) throws(LibraryError) -> [TrackID: [Float]] {
        try read { db in
            var vectors: [TrackID: [Float]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT trackId, vector FROM factor WHERE kind = ?", arguments: [kind.rawValue]) {
                vectors[TrackID(row[0])] = FloatBlob.decode(row[1])
            }
            return vectors
        }
    }
}

import DJModel
import GRDB

extension TrackLibrary {
    /// Replaces all vectors of one kind in one transaction.
    public func replaceFactors(kind: FactorKind, _ vectors: [TrackID: [Float]]) throws(LibraryError) {
        try write { db in
            try FactorRecord.filter(FactorRecord.Columns.kind == kind.rawValue).deleteAll(db)
            for (id, vector) in vectors { try FactorRecord(trackId: id, kind: kind, vector: vector).insert(db) }
        }
    }

    /// All vectors of one kind.
    public func factors(kind: FactorKind) throws(LibraryError) -> [TrackID: [Float]] {
        try read { db in
            var vectors: [TrackID: [Float]] = [:]
            let records = try FactorRecord.filter(FactorRecord.Columns.kind == kind.rawValue).fetchCursor(db)
            while let record = try records.next() { vectors[record.trackId] = record.vector }
            return vectors
        }
    }
}

import DJModel
import Foundation
import GRDB

/// A row of the `factor` table: one track's vector of one kind (ALS factors or its content
/// vector), packed as a ``FloatBlob``.
struct FactorRecord: FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "factor"

    /// The table's columns.
    enum Columns {
        static let trackId = Column("trackId"), kind = Column("kind"), vector = Column("vector")
    }

    /// The track.
    var trackId: TrackID
    /// Which vector.
    var kind: FactorKind
    /// The vector.
    var vector: [Float]

    /// A vector of `kind` for `trackId`.
    init(trackId: TrackID, kind: FactorKind, vector: [Float]) {
        self.trackId = trackId
        self.kind = kind
        self.vector = vector
    }

    /// Reads a row; an unknown kind is a database error (the kinds are ``FactorKind``'s).
    init(row: Row) throws {
        let kindName: String = row[Columns.kind]
        guard let kind = FactorKind(rawValue: kindName) else { throw LibraryError.database("a factor row of unknown kind '\(kindName)'") }
        trackId = TrackID(row[Columns.trackId])
        self.kind = kind
        vector = FloatBlob.decode(row[Columns.vector])
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.trackId] = trackId.rawValue
        container[Columns.kind] = kind.rawValue
        container[Columns.vector] = FloatBlob.encode(vector)
    }
}

import DJModel
import Foundation
import GRDB

/// A row of the `graphAdjacency` table: one source track's outgoing edges, packed as an
/// ``EdgeBlob`` (one row per source, so a million-track graph is a million rows, not 24 million).
struct GraphAdjacencyRecord: FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "graphAdjacency"

    /// The table's columns.
    enum Columns {
        static let sourceId = Column("sourceId"), edges = Column("edges")
    }

    /// The source track.
    var source: TrackID
    /// Its edges, best first as stored.
    var edges: [TrackLibrary.StoredEdge]

    /// The edges out of `source`.
    init(source: TrackID, edges: [TrackLibrary.StoredEdge]) {
        self.source = source
        self.edges = edges
    }

    /// Reads a row, unpacking its edges.
    init(row: Row) {
        source = TrackID(row[Columns.sourceId])
        edges = EdgeBlob.decode(row[Columns.edges], source: source)
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.sourceId] = source.rawValue
        container[Columns.edges] = EdgeBlob.encode(edges)
    }
}

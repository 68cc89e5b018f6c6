import DJModel
import GRDB

extension TrackLibrary {
    /// A stored graph edge with its score components.
    public struct StoredEdge: Sendable, Hashable {
        /// Outgoing track.
        public var source: TrackID
        /// Incoming track.
        public var target: TrackID
        /// The weighted score and its parts.
        public var score: Double, als: Double, content: Double, bpm: Double, key: Double, energy: Double

        /// Creates an edge.
        public init(source: TrackID, target: TrackID, score: Double, als: Double, content: Double, bpm: Double, key: Double, energy: Double) {
            self.source = source
            self.target = target
            self.score = score
            self.als = als
            self.content = content
            self.bpm = bpm
            self.key = key
            self.energy = energy
        }
    }

    /// Replaces the whole track graph in one transaction (one row per source track).
    public func replaceGraph(_ edges: [StoredEdge]) throws(LibraryError) {
        var bySource: [TrackID: [StoredEdge]] = [:]
        var sources: [TrackID] = []
        for edge in edges {
            if bySource[edge.source] == nil { sources.append(edge.source) }
            bySource[edge.source, default: []].append(edge)
        }
        try replaceGraph(sources: sources.count) { index in (sources[index], bySource[sources[index]] ?? []) }
    }

    /// Replaces the whole track graph in one transaction, asking `edgesOf` for one source's
    /// edges at a time (`sources` of them), so that a large graph is never held whole.
    public func replaceGraph(sources: Int, edgesOf: (Int) -> (source: TrackID, edges: [StoredEdge])) throws(LibraryError) {
        try write { db in
            try GraphAdjacencyRecord.deleteAll(db)
            for index in 0..<sources {
                let row = edgesOf(index)
                guard !row.edges.isEmpty else { continue }
                try GraphAdjacencyRecord(source: row.source, edges: row.edges).insert(db)
            }
        }
    }

    /// The whole track graph, each source's edges in stored order.
    public func graphEdges() throws(LibraryError) -> [StoredEdge] {
        try read { db in
            var edges: [StoredEdge] = []
            let rows = try GraphAdjacencyRecord.order(GraphAdjacencyRecord.Columns.sourceId).fetchCursor(db)
            while let row = try rows.next() { edges += row.edges }
            return edges
        }
    }

    /// Whether a track graph is stored.
    public func hasGraph() throws(LibraryError) -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM graphAdjacency)") ?? false }
    }
}

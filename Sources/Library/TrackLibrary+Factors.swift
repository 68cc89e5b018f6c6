import DJModel
import GRDB

extension TrackLibrary {
    /// Replaces all vectors of one kind (`als`, `content`) in one transaction.
    public func replaceFactors(kind: String, _ vectors: [TrackID: [Float]]) throws(LibraryError) {
        try write { db in
            try db.execute(sql: "DELETE FROM factor WHERE kind = ?", arguments: [kind])
            for (id, vector) in vectors {
                try db.execute(sql: "INSERT INTO factor (trackId, kind, vector) VALUES (?, ?, ?)",
                               arguments: [id.rawValue, kind, FloatBlob.encode(vector)])
            }
        }
    }

    /// All vectors of one kind.
    public func factors(kind: String) throws(LibraryError) -> [TrackID: [Float]] {
        try read { db in
            var vectors: [TrackID: [Float]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT trackId, vector FROM factor WHERE kind = ?", arguments: [kind]) {
                vectors[TrackID(row[0])] = FloatBlob.decode(row[1])
            }
            return vectors
        }
    }

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

    /// Replaces the whole track graph in one transaction.
    public func replaceGraph(_ edges: [StoredEdge]) throws(LibraryError) {
        try write { db in
            try db.execute(sql: "DELETE FROM graphEdge")
            let statement = try db.makeStatement(sql: """
                INSERT INTO graphEdge (sourceId, targetId, score, als, content, bpm, key, energy) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for edge in edges {
                try statement.execute(arguments: [edge.source.rawValue, edge.target.rawValue, edge.score, edge.als, edge.content,
                                                  edge.bpm, edge.key, edge.energy])
            }
        }
    }

    /// The whole track graph.
    public func graphEdges() throws(LibraryError) -> [StoredEdge] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT sourceId, targetId, score, als, content, bpm, key, energy FROM graphEdge").map { row in
                StoredEdge(source: TrackID(row[0]), target: TrackID(row[1]), score: row[2], als: row[3], content: row[4],
                           bpm: row[5], key: row[6], energy: row[7])
            }
        }
    }

    /// Stores a named setting (model parameters, timestamps).
    public func setSetting(_ name: String, _ value: String) throws(LibraryError) {
        try write { db in try db.execute(sql: "INSERT OR REPLACE INTO setting (name, value) VALUES (?, ?)", arguments: [name, value]) }
    }

    /// A named setting, or `nil`.
    public func setting(_ name: String) throws(LibraryError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE name = ?", arguments: [name]) }
    }
}

import DJModel
import GRDB

extension TrackLibrary {
    /// What the scanner last stored for a file, to skip unchanged files and recognise moved ones.
    public struct FileState: Sendable, Hashable {
        /// The track's id.
        public var id: TrackID
        /// Size in bytes.
        public var size: Int64
        /// Modification time (seconds since 1970).
        public var modifiedAt: Double
        /// The content fingerprint stored at the last scan ("" when unknown).
        public var contentHash: String
        /// Analysis version stored, or `nil` when not analysed.
        public var analysisVersion: Int?
        /// Feature-vector version stored, or `nil` when not analysed.
        public var featureVersion: Int?

        /// Creates a state.
        public init(id: TrackID, size: Int64, modifiedAt: Double, contentHash: String, analysisVersion: Int?, featureVersion: Int?) {
            self.id = id
            self.size = size
            self.modifiedAt = modifiedAt
            self.contentHash = contentHash
            self.analysisVersion = analysisVersion
            self.featureVersion = featureVersion
        }
    }

    /// The stored state of every scanned file, by path.
    public func fileStates() throws(LibraryError) -> [String: FileState] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT t.path, t.id, t.fileSize, t.modifiedAt, t.contentHash, a.version, a.featureVersion
                FROM track t LEFT JOIN analysis a ON a.trackId = t.id WHERE t.path IS NOT NULL
                """)
            var states: [String: FileState] = [:]
            for row in rows {
                states[row[0]] = FileState(id: TrackID(row[1]), size: row[2] ?? 0, modifiedAt: row[3] ?? 0, contentHash: row[4] ?? "",
                                           analysisVersion: row[5], featureVersion: row[6])
            }
            return states
        }
    }

    /// Gives track `id` a new file path (a file the user moved or renamed), keeping its id,
    /// analysis, factors, tracklist entries and saved sets.
    /// - Throws: ``LibraryError`` when another track already has `path`.
    public func moveTrack(id: TrackID, to path: String, size: Int64, modifiedAt: Double) throws(LibraryError) {
        try write { db in
            try TrackRecord.filter(key: id.rawValue).updateAll(db, [TrackRecord.Columns.path.set(to: path),
                                                                    TrackRecord.Columns.fileSize.set(to: size),
                                                                    TrackRecord.Columns.modifiedAt.set(to: modifiedAt)])
        }
    }

    /// What the last scan stored about track `id`'s file (size, time, hash), or nil for a track
    /// without a file.
    public func scannedFile(of id: TrackID) throws(LibraryError) -> (path: String, size: Int64, modifiedAt: Double, contentHash: String)? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT path, fileSize, modifiedAt, contentHash FROM track WHERE id = ? AND path IS NOT NULL",
                                             arguments: [id.rawValue]) else { return nil }
            return (row[0], row[1] ?? -1, row[2] ?? 0, row[3] ?? "")
        }
    }

    /// Marks track `id` for analysis at the next scan of its folder (its file is no longer the
    /// file that was scanned): its stored modification time is cleared, so the scan sees it changed.
    public func markForRescan(_ id: TrackID) throws(LibraryError) {
        try write { db in
            try TrackRecord.filter(key: id.rawValue).updateAll(db, [TrackRecord.Columns.modifiedAt.set(to: 0)])
        }
    }
}

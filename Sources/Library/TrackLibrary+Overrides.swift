import DJModel
import GRDB

extension TrackLibrary {
    /// Stores `overrides` for track `id` (replacing what it had), stamped with the track's
    /// current content hash; empty overrides remove the row.
    /// - Returns: whether the track exists.
    @discardableResult
    public func storeOverrides(_ overrides: TrackOverrides, for id: TrackID) throws(LibraryError) -> Bool {
        try write { db in
            guard let hash = try String.fetchOne(db, sql: "SELECT COALESCE(contentHash, '') FROM track WHERE id = ?", arguments: [id.rawValue]) else {
                return false
            }
            if overrides.isEmpty {
                try db.execute(sql: "DELETE FROM trackOverride WHERE trackId = ?", arguments: [id.rawValue])
            } else {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO trackOverride (trackId, bpm, firstBeat, downbeat, key, contentHash) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [id.rawValue, overrides.bpm, overrides.firstBeat, overrides.downbeat, overrides.key?.name, hash])
            }
            return true
        }
    }

    /// The analysis of track `id` as it was measured, without the DJ's overrides (`nil` when it
    /// has none).
    public func measuredAnalysis(of id: TrackID) throws(LibraryError) -> TrackAnalysis? {
        try read { db in
            let sql = "SELECT " + AnalysisRecord.Columns.all.map { "a.\($0.name)" }.joined(separator: ", ") + " FROM analysis a WHERE a.trackId = ?"
            return try Row.fetchOne(db, sql: sql, arguments: [id.rawValue]).flatMap { AnalysisRecord.decodeSelected($0, from: 0)?.analysis }
        }
    }
}

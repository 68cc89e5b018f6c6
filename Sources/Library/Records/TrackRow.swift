import DJModel
import GRDB

/// How a ``Track`` is read: a `track` row with its `analysis` row and its `trackOverride` row, if
/// any, in one left join whose column list comes from the records' columns
/// (``TrackRecord/Columns/all``, ``AnalysisRecord/Columns/all``, ``overrideColumns``) and is read
/// back in that order. The track's analysis is the stored one with the DJ's overrides applied.
enum TrackRow {
    /// `SELECT` of every track column (alias `t`) and every analysis column (alias `a`); callers
    /// add `WHERE`, `ORDER BY` and `LIMIT`.
    static let select = "SELECT "
        + (TrackRecord.Columns.all.map { "t.\($0.name)" } + AnalysisRecord.Columns.all.map { "a.\($0.name)" }
           + overrideColumns.map { "o.\($0)" }).joined(separator: ", ")
        + " FROM track t LEFT JOIN analysis a ON a.trackId = t.id LEFT JOIN trackOverride o ON o.trackId = t.id"

    /// The `trackOverride` columns ``select`` reads, in order.
    static let overrideColumns = ["trackId", "bpm", "firstBeat", "downbeat", "key", "contentHash"]

    /// The track of a row of ``select``: the track's columns first, then the analysis's.
    static func track(from row: Row) -> Track {
        let record = TrackRecord(selected: row)
        let id: Int64 = row[0]  // a stored row always has its id (first of TrackRecord.Columns.all)
        let analysis = AnalysisRecord.decodeSelected(row, from: TrackRecord.Columns.all.count)?.analysis
        let overrides = Self.overrides(row, from: TrackRecord.Columns.all.count + AnalysisRecord.Columns.all.count, fileHash: record.contentHash)
        return Track(id: TrackID(id), path: record.path, metadata: record.metadata, duration: record.duration,
                     analysis: analysis.map { overrides?.applied(to: $0) ?? $0 }, overrides: overrides)
    }

    /// The overrides read from position `offset` of `row` (`nil` when the track has none); they
    /// need review when the file's content hash is no longer the one they were made on.
    static func overrides(_ row: Row, from offset: Int, fileHash: String?) -> TrackOverrides? {
        guard (row[offset] as Int64?) != nil else { return nil }
        let hash: String = row[offset + 5]
        return TrackOverrides(bpm: row[offset + 1], firstBeat: row[offset + 2], downbeat: row[offset + 3],
                              key: (row[offset + 4] as String?).flatMap(MusicalKey.init(parsing:)), contentHash: hash,
                              needsReview: !hash.isEmpty && fileHash != nil && fileHash != hash)
    }
}

import DJModel
import GRDB

/// How a ``Track`` is read: a `track` row with its `analysis` row, if any, in one left join whose
/// column list comes from the two records' columns (``TrackRecord/Columns/all``,
/// ``AnalysisRecord/Columns/all``) and is read back by each record in that order.
enum TrackRow {
    /// `SELECT` of every track column (alias `t`) and every analysis column (alias `a`); callers
    /// add `WHERE`, `ORDER BY` and `LIMIT`.
    static let select = "SELECT "
        + (TrackRecord.Columns.all.map { "t.\($0.name)" } + AnalysisRecord.Columns.all.map { "a.\($0.name)" }).joined(separator: ", ")
        + " FROM track t LEFT JOIN analysis a ON a.trackId = t.id"

    /// The track of a row of ``select``: the track's columns first, then the analysis's.
    static func track(from row: Row) -> Track {
        let record = TrackRecord(selected: row)
        let id: Int64 = row[0]  // a stored row always has its id (first of TrackRecord.Columns.all)
        let analysis = AnalysisRecord.decodeSelected(row, from: TrackRecord.Columns.all.count)?.analysis
        return Track(id: TrackID(id), path: record.path, metadata: record.metadata, duration: record.duration, analysis: analysis)
    }
}

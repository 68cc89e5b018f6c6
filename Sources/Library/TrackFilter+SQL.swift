import DJModel
import GRDB

extension TrackFilter {
    /// SQL conditions on `t` (track), `a` (analysis) and `o` (the DJ's overrides) with their
    /// arguments; tempo and key are the ones the DJ set, where they apply.
    var conditions: [(sql: String, arguments: [any DatabaseValueConvertible])] {
        var result: [(sql: String, arguments: [any DatabaseValueConvertible])] = []
        if let minBPM { result.append(("\(Self.overridden("bpm")) >= ?", [minBPM])) }
        if let maxBPM { result.append(("\(Self.overridden("bpm")) <= ?", [maxBPM])) }
        if !keys.isEmpty {
            result.append(("\(Self.overridden("key", else: "keyName")) IN (" + keys.map { _ in "?" }.joined(separator: ", ") + ")", keys.map(\.name)))
        }
        if let minEnergy { result.append(("a.energy >= ?", [minEnergy])) }
        if let maxEnergy { result.append(("a.energy <= ?", [maxEnergy])) }
        if let genre, !genre.isEmpty { result.append(("t.genre LIKE ?", ["%\(genre)%"])) }
        return result
    }

    /// The override's `column` where one applies (set, on the audio it was made on), else the
    /// analysis's `analysed` column.
    static func overridden(_ column: String, else analysed: String? = nil) -> String {
        "(CASE WHEN o.\(column) IS NOT NULL AND (o.contentHash = '' OR t.contentHash IS NULL OR o.contentHash = t.contentHash) "
            + "THEN o.\(column) ELSE a.\(analysed ?? column) END)"
    }
}

import DJModel
import GRDB

extension TrackFilter {
    /// SQL conditions on `t` (track) and `a` (analysis) with their arguments.
    var conditions: [(sql: String, arguments: [any DatabaseValueConvertible])] {
        var result: [(sql: String, arguments: [any DatabaseValueConvertible])] = []
        if let minBPM { result.append(("a.bpm >= ?", [minBPM])) }
        if let maxBPM { result.append(("a.bpm <= ?", [maxBPM])) }
        if !keys.isEmpty {
            result.append(("a.keyName IN (" + keys.map { _ in "?" }.joined(separator: ", ") + ")", keys.map(\.name)))
        }
        if let minEnergy { result.append(("a.energy >= ?", [minEnergy])) }
        if let maxEnergy { result.append(("a.energy <= ?", [maxEnergy])) }
        if let genre, !genre.isEmpty { result.append(("t.genre LIKE ?", ["%\(genre)%"])) }
        return result
    }
}

import DJModel
import Foundation

/// Lower bounds on the transitions a bridge still needs to reach its goal under the rules, from
/// tempo and key alone: what makes A*'s heuristic goal-directed.
///
/// Tempo: one step changes the tempo by at most ``SetConstraints/maxStepPercent``, so it moves
/// log(BPM) by at most L = −log(1 − step/100) (the larger of the upward and downward bounds).
/// With half/double time allowed, tempi an octave apart count as the same, so the distance is taken
/// on the octave circle. The steps needed are at least ⌈distance / L⌉. Key: with a key rule and key
/// lock, the fewest allowed Camelot moves from one key to the other (breadth-first search over the
/// 24 keys once per rule); without key lock the heard key depends on the tempo, and the key bound
/// is left out (0), so the bound stays a bound.
public struct BridgeStepBounds: Sendable {
    private let stepLog: Double
    private let foldsOctaves: Bool
    /// Fewest allowed key moves between keys (24 × 24, by ``keyIndex(_:)``), or `nil` when any move goes.
    private let keyMoves: [[Int]]?

    /// The bounds for `constraints`.
    public init(constraints: SetConstraints) {
        stepLog = -log(1 - min(constraints.maxStepPercent, 99) / 100)
        foldsOctaves = constraints.allowHalfDoubleTime
        guard constraints.keyRule != .any, constraints.keyLock else { keyMoves = nil; return }
        let keys = MusicalKey.all
        keyMoves = keys.map { from in
            var distance = [Int](repeating: Int.max, count: keys.count)
            distance[Self.keyIndex(from)] = 0
            var queue = [from], head = 0
            while head < queue.count {
                let key = queue[head]; head += 1
                for next in keys where distance[Self.keyIndex(next)] == Int.max && constraints.keyRule.allows(from: key, to: next) {
                    distance[Self.keyIndex(next)] = distance[Self.keyIndex(key)] + 1
                    queue.append(next)
                }
            }
            return distance
        }
    }

    /// The position of `key` in ``MusicalKey/all``.
    static func keyIndex(_ key: MusicalKey) -> Int { (key.mode == MusicalKey.Mode.allCases[0] ? 0 : 12) + key.tonic }

    /// The fewest tempo steps from `from` to `to` BPM.
    public func tempoSteps(from: Double, to: Double) -> Int {
        guard from > 0, to > 0 else { return 0 }
        var distance = abs(log(to / from))
        if foldsOctaves {
            let octave = log(2.0)
            distance = distance.truncatingRemainder(dividingBy: octave)
            distance = min(distance, octave - distance)
        }
        return Int((distance / stepLog - 1e-9).rounded(.up))
    }

    /// The fewest key moves from `from` to `to` under the rule (0 when any move goes; `Int.max`
    /// when the rule never links them).
    public func keySteps(from: MusicalKey, to: MusicalKey) -> Int {
        keyMoves?[Self.keyIndex(from)][Self.keyIndex(to)] ?? 0
    }

    /// The fewest transitions from `node` to `goal` (at least 1 when they differ).
    public func steps(from node: TrackNode, to goal: TrackNode) -> Int {
        max(1, tempoSteps(from: node.bpm, to: goal.bpm), keySteps(from: node.key, to: goal.key))
    }
}

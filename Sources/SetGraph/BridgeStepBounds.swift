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
///
/// Cost: a transition costs 1 − score = Σ over the components of (weight ÷ weight sum) ×
/// (1 − component), every term at least 0 (``TransitionScorer``). The tempo term of a step of p %
/// is at least p ÷ R (R the pitch range, or the step bound when larger), and a step of p % moves
/// log(BPM) by at most p ÷ (100 · (1 − step bound)); so the tempo terms along any path to the goal
/// add up to at least (w_bpm ÷ W) · 100 · (1 − step bound) ÷ R × the tempo distance. The key terms
/// add up to at least (w_key ÷ W) × the cheapest chain of key moves the rule allows, each costing
/// 1 − its Camelot score (shortest paths over the 24 keys). Their sum is a lower bound on the cost
/// still to pay, much tighter than counting steps when the goal is far in tempo.
public struct BridgeStepBounds: Sendable {
    private let stepLog: Double
    private let foldsOctaves: Bool
    /// Fewest allowed key moves between keys (24 × 24, by ``ScoreTables/keyIndex(_:)``), or `nil` when any move goes.
    private let keyMoves: [[Int]]?
    /// Lower bound on the tempo terms per unit of log-tempo distance (0 without weights).
    private let tempoCostPerLog: Double
    /// Cheapest key terms between keys (24 × 24), or `nil` when the heard key is unknown (no key lock).
    private let keyCosts: [[Double]]?

    /// The bounds for `constraints`, with cost bounds for a graph scored with `weights` (none when `nil`).
    public init(constraints: SetConstraints, weights: TransitionWeights? = nil) {
        stepLog = -log(1 - min(constraints.maxStepPercent, 99) / 100)
        foldsOctaves = constraints.allowHalfDoubleTime
        keyCosts = weights.flatMap { Self.keyCosts(constraints: constraints, weights: $0) }
        if let weights {
            let weightSum = weights.als + weights.content + weights.bpm + weights.key + weights.energy
            let range = max(weights.pitchRangePercent, constraints.maxStepPercent)
            tempoCostPerLog = weightSum > 0 ? weights.bpm / weightSum * 100 * (1 - min(constraints.maxStepPercent, 99) / 100) / range : 0
        } else {
            tempoCostPerLog = 0
        }
        guard constraints.keyRule != .any, constraints.keyLock else { keyMoves = nil; return }
        let keys = Self.keysByIndex
        keyMoves = keys.map { from in
            var distance = [Int](repeating: Int.max, count: keys.count)
            distance[ScoreTables.keyIndex(from)] = 0
            var queue = [from], head = 0
            while head < queue.count {
                let key = queue[head]; head += 1
                for next in keys where distance[ScoreTables.keyIndex(next)] == Int.max && constraints.keyRule.allows(from: key, to: next) {
                    distance[ScoreTables.keyIndex(next)] = distance[ScoreTables.keyIndex(key)] + 1
                    queue.append(next)
                }
            }
            return distance
        }
    }

    /// The cheapest key terms between every two keys under the rule (Floyd–Warshall over 24 keys).
    private static func keyCosts(constraints: SetConstraints, weights: TransitionWeights) -> [[Double]]? {
        guard constraints.keyLock else { return nil }
        let weightSum = weights.als + weights.content + weights.bpm + weights.key + weights.energy
        guard weightSum > 0 else { return nil }
        let keys = Self.keysByIndex
        var cost = keys.map { from in
            keys.map { to in
                from == to ? 0 : constraints.keyRule.allows(from: from, to: to)
                    ? weights.key / weightSum * (1 - CompatibilityRules.key(from: from, to: to)) : Double.infinity
            }
        }
        for middle in keys.indices { for from in keys.indices { for to in keys.indices {
            cost[from][to] = min(cost[from][to], cost[from][middle] + cost[middle][to])
        } } }
        return cost
    }

    /// A lower bound on the cost (Σ 1 − score) of any path of allowed steps from `node` to `goal`:
    /// the tempo and key terms it must pay (0 when built without weights; infinite when the key rule
    /// never reaches the goal's key).
    public func costBound(from node: TrackNode, to goal: TrackNode) -> Double {
        costBound(from: node.bpm, node.key, to: goal.bpm, goal.key)
    }

    /// ``costBound(from:to:)`` from the two nodes' tempi and keys: what the search calls for every
    /// node it opens, reading two fields instead of copying two nodes (a copy retains every string
    /// and vector of the node).
    @inline(__always)
    func costBound(from bpm: Double, _ key: MusicalKey, to goalBPM: Double, _ goalKey: MusicalKey) -> Double {
        var bound = tempoCostPerLog * tempoDistance(from: bpm, to: goalBPM)
        if let keyCosts { bound += keyCosts[ScoreTables.keyIndex(key)][ScoreTables.keyIndex(goalKey)] }
        return bound
    }

    /// The largest log-tempo distance one step can cover.
    public var largestStep: Double { stepLog }

    /// The log-tempo distance, on the octave circle when half/double time is allowed.
    public func tempoDistance(from: Double, to: Double) -> Double {
        guard from > 0, to > 0 else { return 0 }
        var distance = abs(log(to / from))
        if foldsOctaves {
            let octave = log(2.0)
            distance = distance.truncatingRemainder(dividingBy: octave)
            distance = min(distance, octave - distance)
        }
        return distance
    }

    /// The 24 keys in key-index order (``ScoreTables/keyIndex(_:)``: tonic + 12 · minor).
    static let keysByIndex = (0..<24).map { MusicalKey(tonic: $0 % 12, mode: $0 < 12 ? .major : .minor) }

    /// The fewest tempo steps from `from` to `to` BPM.
    public func tempoSteps(from: Double, to: Double) -> Int {
        guard from > 0, to > 0 else { return 0 }
        return Int(saturating: (tempoDistance(from: from, to: to) / stepLog - 1e-9).rounded(.up))
    }

    /// The fewest key moves from `from` to `to` under the rule (0 when any move goes; `Int.max`
    /// when the rule never links them).
    public func keySteps(from: MusicalKey, to: MusicalKey) -> Int {
        keyMoves?[ScoreTables.keyIndex(from)][ScoreTables.keyIndex(to)] ?? 0
    }

    /// The fewest transitions from `node` to `goal` (at least 1 when they differ).
    public func steps(from node: TrackNode, to goal: TrackNode) -> Int {
        steps(from: node.bpm, node.key, to: goal.bpm, goal.key)
    }

    /// ``steps(from:to:)`` from the two nodes' tempi and keys (two fields read, no node copied).
    @inline(__always)
    func steps(from bpm: Double, _ key: MusicalKey, to goalBPM: Double, _ goalKey: MusicalKey) -> Int {
        max(1, tempoSteps(from: bpm, to: goalBPM), keySteps(from: key, to: goalKey))
    }
}

import DJModel
import Dispatch
import Foundation

/// A* search for a bridge from track A to track B whose intermediate tracks play for about N minutes.
///
/// Cost of a path = Σ (1 − score) over its transitions. The goal is B reached after
/// intermediate tracks with a playing time in [N − tolerance, N + tolerance]. The bridge's tracks
/// may lie anywhere between the tempi of its two ends and wander at most the drift bound outside
/// them (``DriftReference/span(_:)``).
///
/// Heuristic: with m the cheapest stored edge cost in the graph, a state at track x after e
/// seconds of intermediate music still needs one step out of x, costing at least x's cheapest
/// stored edge (no computed edge beats a track's best stored one), and at least
/// - ⌈(N − tolerance − e) / D⌉ more intermediate tracks, D the longest track (time to fill), and
/// - s(x, B) − 1 more intermediate tracks, s the fewest transitions the tempo step and key rule
///   allow from x to B (``BridgeStepBounds``: tempo distance on the octave circle over the largest
///   step, Camelot moves under the key rule);
/// each left by an edge costing at least m; so (x's cheapest edge) + m · the larger count never
/// overestimates the remaining cost. Nor do the tempo and key terms every path to B must pay
/// (``BridgeStepBounds/costBound(from:to:)``: score weight × tempo distance ÷ pitch range, and the
/// cheapest chain of key moves); h is the larger of the two bounds, admissible and consistent.
///
/// Successors: a track's stored best edges, which mostly stay at its tempo and key, plus the
/// best-scoring tracks that close the distance to B (``progressSuccessors``): found in the
/// graph's tempo order inside the step window, filtered by the rules, scored on the fly with the
/// graph's scorer. The no-repeat rule makes a state depend on its whole path; states are merged
/// on (node, previous node, 15-second bucket of e), and at most ``historiesPerPlace`` previous
/// nodes are expanded per (node, bucket): this can drop a better path that reaches the same track
/// at a similar time with a different history — the tests bound the loss against the brute-force
/// reference. (One history per (node, bucket) lost 0.6 in cost on one of 24 small test graphs: a
/// path through a track blocked the one that needed it later; every history made bridges on the
/// 10k catalogue twice as slow.) The search stops after `maxExpansions` expansions or at the deadline and returns
/// the best goal found, if any.
public struct AStarBridgePlanner: Sendable {
    /// The hard rules.
    public let constraints: SetConstraints
    /// Allowed deviation from the requested time, seconds (default 150).
    public let toleranceSeconds: Double
    /// Expansion budget (default 200 000).
    public let maxExpansions: Int
    /// Tracks that close the distance to the goal added to each expanded track's stored edges
    /// (default 8; 0 searches the stored edges only).
    public let progressSuccessors: Int
    /// Tracks of the step window scored to find them, evenly spaced in tempo when the window holds
    /// more (default 256): bounds the work per expansion on a large library.
    public let progressScanLimit: Int

    /// Histories (previous tracks) expanded per track and 15-second bucket (default 2).
    public var historiesPerPlace = 2
    /// The heuristic's weight in the second pass, run when the optimal one exhausts its budget
    /// (default 2): its bridge costs at most this multiple of the optimum over the same successors.
    public var suboptimalWeight = 2.0

    /// Checks and stores the parameters.
    public init(constraints: SetConstraints = .standard, toleranceSeconds: Double = 150, maxExpansions: Int = 200_000,
                progressSuccessors: Int = 8, progressScanLimit: Int = 256) throws(SetGraphError) {
        guard toleranceSeconds >= 0, maxExpansions >= 1 else { throw .invalidParameter(InvalidParameter("tolerance", "must be ≥ 0 and the budget ≥ 1")) }
        guard (0...64).contains(progressSuccessors), (1...100_000).contains(progressScanLimit) else {
            throw .invalidParameter(InvalidParameter("progress successors", "must be 0…64 and the scan limit 1…100000"))
        }
        self.constraints = constraints
        self.toleranceSeconds = toleranceSeconds
        self.maxExpansions = maxExpansions
        self.progressSuccessors = progressSuccessors
        self.progressScanLimit = progressScanLimit
    }

    /// The tempo span a bridge from `start` to `goal` may use (its drift reference).
    public static func drift(from start: Int, to goal: Int, in graph: TrackGraph) -> DriftReference {
        let (a, b) = (graph.nodes[start].bpm, graph.nodes[goal].bpm)
        return .span(min(a, b)...max(a, b))
    }

    /// Tracks that may follow `node` under the rules and close the distance to `goal` (fewer
    /// transitions left, by ``GoalDistances``), as computed edges: the best-scoring
    /// ``progressSuccessors`` and the half as many that get closest (fewest transitions left, then
    /// nearest in tempo). With `everyAllowed`, every track of the step window the rules allow from
    /// which the goal can still be reached (up to the scan limit).
    func progressEdges(from node: Int, to goal: Int, drift: DriftReference, bounds: BridgeStepBounds, distances: GoalDistances,
                       in graph: TrackGraph, everyAllowed: Bool = false) -> [TrackGraph.Edge] {
        let nodes = graph.nodes
        let needed = Self.transitionsLeft(from: node, to: goal, bounds: bounds, distances: distances, in: graph) ?? Int.max
        guard everyAllowed || (progressSuccessors > 0 && needed > 1 && needed != Int.max) else { return [] }
        let step = constraints.maxStepPercent / 100, bpm = nodes[node].bpm, goalBPM = nodes[goal].bpm
        var byScore: [TrackGraph.Edge] = [], byProgress: [(distance: Double, edge: TrackGraph.Edge)] = []
        var every: [TrackGraph.Edge] = []
        let closest = max(1, progressSuccessors / 2)
        for factor in constraints.allowHalfDoubleTime ? [1.0, 2.0, 0.5] : [1.0] {
            let positions = graph.tempoPositions(in: (bpm * factor * (1 - step))...(bpm * factor * (1 + step)))
            let stride = max(1, positions.count / progressScanLimit)
            for position in Swift.stride(from: positions.lowerBound, to: positions.upperBound, by: stride) {
                let candidate = Int(graph.tempoOrder[position])
                guard candidate != node, candidate != goal, constraints.isUsable(candidate),
                      let left = distances.transitions(from: candidate) else { continue }
                // Closer: fewer transitions left to the goal; among those, nearer in tempo.
                let remaining = Double(left) + bounds.tempoDistance(from: nodes[candidate].bpm, to: goalBPM)
                guard everyAllowed || left < needed,
                      constraints.allowsStep(from: node, to: candidate, after: [], drift: drift, in: graph) else { continue }
                let edge = graph.edge(from: node, to: candidate)
                if everyAllowed { every.append(edge); continue }
                if byScore.count < progressSuccessors || edge.score > byScore[byScore.count - 1].score {
                    if byScore.count == progressSuccessors { byScore.removeLast() }
                    byScore.append(edge)
                    byScore.sort { $0.score > $1.score }
                }
                if byProgress.count < closest || remaining < byProgress[byProgress.count - 1].distance {
                    if byProgress.count == closest { byProgress.removeLast() }
                    byProgress.append((remaining, edge))
                    byProgress.sort { $0.distance < $1.distance }
                }
            }
        }
        if everyAllowed { return every }
        return byScore + byProgress.map(\.edge).filter { edge in !byScore.contains { $0.target == edge.target } }
    }

    /// The fewest transitions left from `node` to `goal`: the exact count of the backward search
    /// for an intermediate track, the tempo and key bound for the start; `nil` when the goal cannot
    /// be reached from it.
    static func transitionsLeft(from node: Int, to goal: Int, bounds: BridgeStepBounds, distances: GoalDistances,
                                in graph: TrackGraph) -> Int? {
        let byRules = bounds.steps(from: graph.nodes[node].bpm, graph.nodes[node].key, to: graph.nodes[goal].bpm, graph.nodes[goal].key)
        guard byRules != Int.max else { return nil }
        guard let exact = distances.transitions(from: node) else { return distances.isEnd(node) ? byRules : nil }
        return max(exact, byRules)
    }

    /// The cheapest bridge from node `start` to node `goal` with about `seconds` of music between them.
    public func bridge(from start: Int, to goal: Int, seconds: Double, in graph: TrackGraph) throws(SetGraphError) -> PlannedPath {
        try bridges(from: start, to: goal, seconds: seconds, in: graph, count: 1)[0]
    }

    /// Up to `count` bridges, cheapest first, each sharing at most `maxShared` of its
    /// intermediate tracks with every bridge before it (goals keep being popped after the first).
    /// When the expansion budget or `deadline` (uptime nanoseconds) runs out before a goal is
    /// popped, the cheapest complete bridge generated so far is returned, if any.
    ///
    /// The search runs first on the stored edges and the tracks that close the distance to the
    /// goal; when that finds nothing, once more with every track of each step window the rules
    /// allow (complete up to merged states; on a large library the budget bounds it).
    ///
    /// `distances` (from ``BridgeReachability/distances(from:to:in:)``, computed when `nil`) give
    /// the exact fewest transitions left from every track: the heuristic counts them, and tracks
    /// from which the goal cannot be reached are never expanded.
    public func bridges(from start: Int, to goal: Int, seconds: Double, in graph: TrackGraph, count: Int,
                        maxShared: Double = 0.5, deadline: UInt64? = nil, distances: GoalDistances? = nil) throws(SetGraphError) -> [PlannedPath] {
        guard (1...20).contains(count) else { throw .invalidParameter(InvalidParameter("alternatives", "must be 1…20, got \(count)")) }
        guard start != goal else { throw .invalidParameter(InvalidParameter("bridge", "needs two different tracks")) }
        if let error = SetGraphError.outside([start, goal], of: graph) { throw error }
        guard seconds.isFinite, seconds > 0 else { throw .invalidParameter(InvalidParameter("bridge", "needs a positive length")) }
        let distances = distances ?? BridgeReachability(constraints: constraints).distances(from: start, to: goal, in: graph)
        // Optimal on the stored and closing successors; then, when the budget runs out first,
        // weighted (at most `suboptimalWeight` × the optimum of that search space); then over
        // every allowed track (complete on small libraries).
        for (everyAllowed, weight) in [(false, 1.0), (false, suboptimalWeight), (true, 1.0)] {
            let found = search(from: start, to: goal, seconds: seconds, in: graph, count: count, maxShared: maxShared,
                               deadline: deadline, everyAllowed: everyAllowed, weight: weight, distances: distances)
            if !found.isEmpty { return found }
            if let deadline, DispatchTime.now().uptimeNanoseconds > deadline { break }
        }
        let nodes = graph.nodes
        throw .noPath("no bridge of \(Int(saturating: seconds / 60)) minutes (±\(Int(saturating: toleranceSeconds)) s) links these tracks under the rules "
            + "(tempo step ≤ \(Int(saturating: constraints.maxStepPercent)) %, key moves: \(constraints.keyRule.rawValue)); try a different length, "
            + "a looser key rule, or tracks closer in tempo (\(Int(saturating: nodes[start].bpm)) → \(Int(saturating: nodes[goal].bpm)) BPM)")
    }

    /// One A* run (``BridgeSearch``); an empty answer when it finds no bridge.
    private func search(from start: Int, to goal: Int, seconds: Double, in graph: TrackGraph, count: Int,
                        maxShared: Double, deadline: UInt64?, everyAllowed: Bool, weight: Double,
                        distances: GoalDistances) -> [PlannedPath] {
        var run = BridgeSearch(planner: self, from: start, to: goal, seconds: seconds, in: graph, count: count, maxShared: maxShared,
                               deadline: deadline, everyAllowed: everyAllowed, weight: weight, distances: distances)
        return run.run()
    }

    /// Whether the goal may follow `path`: the tempo step, key rule and artist spacing hold (the
    /// drift bound and the include/exclude lists do not apply to the goal, which the user chose).
    func allowsGoal(_ goal: Int, after path: [Int], start: Int, graph: TrackGraph) -> Bool {
        guard let last = path.last else { return false }
        // The goal may drift: anchor the drift check on the goal itself.
        return constraints.allowsStep(from: last, to: goal, after: Array(path.dropFirst()), anchor: goal, in: graph)
    }
}

import DJModel
import Dispatch
import Foundation
import HeapModule

/// A* search for a bridge from track A to track B whose intermediate tracks play for about N minutes.
///
/// Cost of a path = Σ (1 − score) over its transitions. The goal is B reached after
/// intermediate tracks with a playing time in [N − tolerance, N + tolerance]. The bridge's tracks
/// may lie anywhere between the tempi of its two ends and wander at most the drift bound outside
/// them (``DriftReference/span(_:)``).
///
/// Heuristic: with m the cheapest stored edge cost in the graph, a state at track x after e
/// seconds of intermediate music still needs at least
/// - ⌈(N − tolerance − e) / D⌉ more intermediate tracks, D the longest track (time to fill), and
/// - s(x, B) − 1 more intermediate tracks, s the fewest transitions the tempo step and key rule
///   allow from x to B (``BridgeStepBounds``: tempo distance on the octave circle over the largest
///   step, Camelot moves under the key rule);
/// each reached by an edge costing at least m (no computed edge beats a track's best stored one),
/// plus the final step into B costing at least 0; so h = m · the larger count never
/// overestimates the remaining cost: it is admissible.
///
/// Successors: a track's stored best edges, which mostly stay at its tempo and key, plus the
/// best-scoring tracks that close the distance to B (``progressSuccessors``): found in the
/// graph's tempo order inside the step window, filtered by the rules, scored on the fly with the
/// graph's scorer. The no-repeat rule makes a state depend on its whole path; states are merged
/// on (node, previous node, 15-second bucket of e), which can drop a better path that reaches the
/// same two tracks at a similar time with a different earlier history — the tests bound the loss
/// against the brute-force reference. (Merging on the node alone lost 0.6 in cost on one of 24
/// small test graphs: a path through a track blocked the one that needed it later.) The search stops after `maxExpansions` expansions or at the deadline and returns
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

    /// Checks and stores the parameters.
    public init(constraints: SetConstraints = .standard, toleranceSeconds: Double = 150, maxExpansions: Int = 200_000,
                progressSuccessors: Int = 8, progressScanLimit: Int = 256) throws(SetGraphError) {
        guard toleranceSeconds >= 0, maxExpansions >= 1 else { throw .invalidParameter("tolerance must be ≥ 0 and the budget ≥ 1") }
        guard (0...64).contains(progressSuccessors), (1...100_000).contains(progressScanLimit) else {
            throw .invalidParameter("progress successors must be 0…64 and the scan limit 1…100000")
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

    /// The best-scoring tracks (up to ``progressSuccessors``) that may follow `node` under the
    /// rules and need fewer transitions to `goal` than `node` does, as computed edges; with
    /// `everyAllowed`, every track of the step window the rules allow (up to the scan limit).
    func progressEdges(from node: Int, to goal: Int, drift: DriftReference, bounds: BridgeStepBounds, in graph: TrackGraph,
                       everyAllowed: Bool = false) -> [TrackGraph.Edge] {
        let nodes = graph.nodes
        let needed = bounds.steps(from: nodes[node], to: nodes[goal])
        guard everyAllowed || (progressSuccessors > 0 && needed > 1 && needed != Int.max) else { return [] }
        let step = constraints.maxStepPercent / 100, bpm = nodes[node].bpm
        var best: [TrackGraph.Edge] = []
        for factor in constraints.allowHalfDoubleTime ? [1.0, 2.0, 0.5] : [1.0] {
            let positions = graph.tempoPositions(in: (bpm * factor * (1 - step))...(bpm * factor * (1 + step)))
            let stride = max(1, positions.count / progressScanLimit)
            for position in Swift.stride(from: positions.lowerBound, to: positions.upperBound, by: stride) {
                let candidate = Int(graph.tempoOrder[position])
                guard candidate != node, candidate != goal, constraints.isUsable(candidate),
                      everyAllowed || bounds.steps(from: nodes[candidate], to: nodes[goal]) < needed,
                      constraints.allowsStep(from: node, to: candidate, after: [], drift: drift, in: graph) else { continue }
                let edge = graph.edge(from: node, to: candidate)
                if everyAllowed {
                    best.append(edge)
                } else if best.count < progressSuccessors {
                    best.append(edge)
                    best.sort { $0.score > $1.score }
                } else if edge.score > best[best.count - 1].score {
                    best[best.count - 1] = edge
                    best.sort { $0.score > $1.score }
                }
            }
        }
        return best
    }

    /// A search state in the arena: the node reached, its parent state, the edge taken, the cost
    /// and the intermediate playing time so far. Paths are rebuilt by following parents, so a
    /// state costs no array copies.
    private struct ArenaState {
        var node: Int
        var parent: Int
        var edge: TrackGraph.Edge?
        var cost: Double
        var elapsed: Double
    }

    /// An open-list entry: the estimate and the arena index of its state.
    private struct OpenEntry: Comparable {
        var estimate: Double
        var state: Int
        var reachedGoal: Bool

        static func < (lhs: OpenEntry, rhs: OpenEntry) -> Bool { (lhs.estimate, lhs.state) < (rhs.estimate, rhs.state) }
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
    public func bridges(from start: Int, to goal: Int, seconds: Double, in graph: TrackGraph, count: Int,
                        maxShared: Double = 0.5, deadline: UInt64? = nil) throws(SetGraphError) -> [PlannedPath] {
        guard (1...20).contains(count) else { throw .invalidParameter("alternatives must be 1…20, got \(count)") }
        guard start != goal else { throw .invalidParameter("a bridge needs two different tracks") }
        guard graph.nodes.indices.contains(start), graph.nodes.indices.contains(goal) else { throw .unknownTrack(-1) }
        guard seconds.isFinite, seconds > 0 else { throw .invalidParameter("a bridge needs a positive length") }
        for everyAllowed in [false, true] {
            let found = search(from: start, to: goal, seconds: seconds, in: graph, count: count, maxShared: maxShared,
                               deadline: deadline, everyAllowed: everyAllowed)
            if !found.isEmpty { return found }
            if let deadline, DispatchTime.now().uptimeNanoseconds > deadline { break }
        }
        let nodes = graph.nodes
        throw .noPath("no bridge of \(Int(seconds / 60)) minutes (±\(Int(toleranceSeconds)) s) links these tracks under the rules "
            + "(tempo step ≤ \(Int(constraints.maxStepPercent)) %, key moves: \(constraints.keyRule.rawValue)); try a different length, "
            + "a looser key rule, or tracks closer in tempo (\(Int(nodes[start].bpm)) → \(Int(nodes[goal].bpm)) BPM)")
    }

    /// One A* run; an empty answer when it finds no bridge.
    private func search(from start: Int, to goal: Int, seconds: Double, in graph: TrackGraph, count: Int,
                        maxShared: Double, deadline: UInt64?, everyAllowed: Bool) -> [PlannedPath] {
        let nodes = graph.nodes
        let longest = graph.longestDuration
        let cheapest = graph.cheapestEdgeCost
        let low = seconds - toleranceSeconds, high = seconds + toleranceSeconds
        let bounds = BridgeStepBounds(constraints: constraints)
        let drift = Self.drift(from: start, to: goal, in: graph)
        // The final step into the goal costs at least 0, every other step at least `cheapest`;
        // `nil` when the key rule never reaches the goal's key from this node.
        func heuristic(_ node: Int, _ elapsed: Double) -> Double? {
            let steps = bounds.steps(from: nodes[node], to: nodes[goal])
            guard steps != Int.max else { return nil }
            return cheapest * max(0, ((low - elapsed) / longest).rounded(.up), Double(steps - 1))
        }
        var progress: [Int: [TrackGraph.Edge]] = [:]
        var arena = [ArenaState(node: start, parent: -1, edge: nil, cost: 0, elapsed: 0)]
        var open = Heap<OpenEntry>()
        open.insert(OpenEntry(estimate: heuristic(start, 0) ?? 0, state: 0, reachedGoal: false))
        var closed = Set<Int>()
        var expansions = 0
        var found: [PlannedPath] = []
        var cheapestGoal: OpenEntry?
        func path(to state: Int) -> [Int] {
            var nodesOnPath: [Int] = []
            var cursor = state
            while cursor >= 0 { nodesOnPath.append(arena[cursor].node); cursor = arena[cursor].parent }
            return nodesOnPath.reversed()
        }
        func plannedPath(_ entry: OpenEntry) -> PlannedPath {
            var edges: [TrackGraph.Edge] = []
            var cursor = entry.state
            while cursor >= 0, let edge = arena[cursor].edge { edges.append(edge); cursor = arena[cursor].parent }
            let state = arena[entry.state]
            return PlannedPath(nodes: path(to: entry.state), edges: edges.reversed(), duration: state.elapsed - nodes[goal].duration,
                               objective: state.cost)
        }
        while let entry = open.popMin() {
            let state = arena[entry.state]
            if entry.reachedGoal {
                let candidate = plannedPath(entry)
                let middle = Set(candidate.nodes.dropFirst().dropLast())
                if found.allSatisfy({ other in
                    Double(middle.intersection(other.nodes.dropFirst().dropLast()).count) <= maxShared * Double(max(middle.count, other.nodes.count - 2, 1))
                }) {
                    found.append(candidate)
                }
                if found.count == count { return found }
                continue
            }
            expansions += 1
            if expansions > maxExpansions { break }
            if expansions % 1024 == 0, let deadline, DispatchTime.now().uptimeNanoseconds > deadline { break }
            let previous = state.parent >= 0 ? arena[state.parent].node : state.node
            let bucket = (state.node << 33) | (previous << 13) | min(8191, Int(state.elapsed / 15))
            if closed.contains(bucket) { continue }
            closed.insert(bucket)
            let visited = path(to: entry.state)
            // Finish: step into the goal when the intermediate time fits.
            if visited.count > 1, (low...high).contains(state.elapsed), allowsGoal(goal, after: visited, start: start, graph: graph) {
                let edge = graph.edge(from: state.node, to: goal)
                arena.append(ArenaState(node: goal, parent: entry.state, edge: edge, cost: state.cost + 1 - edge.score,
                                        elapsed: state.elapsed + nodes[goal].duration))
                let goalEntry = OpenEntry(estimate: state.cost + 1 - edge.score, state: arena.count - 1, reachedGoal: true)
                open.insert(goalEntry)
                if cheapestGoal.map({ goalEntry < $0 }) ?? true { cheapestGoal = goalEntry }
            }
            guard state.elapsed < high else { continue }
            if progress[state.node] == nil {
                progress[state.node] = progressEdges(from: state.node, to: goal, drift: drift, bounds: bounds, in: graph,
                                                     everyAllowed: everyAllowed)
            }
            let stored = graph.adjacency[state.node]
            let extra = (progress[state.node] ?? []).filter { edge in !stored.contains { $0.target == edge.target } }
            for edge in stored + extra where edge.target != goal
                && constraints.allows(edge.target, after: visited, drift: drift, in: graph) {
                let elapsed = state.elapsed + nodes[edge.target].duration
                guard elapsed <= high, let estimate = heuristic(edge.target, elapsed) else { continue }
                let cost = state.cost + 1 - edge.score
                arena.append(ArenaState(node: edge.target, parent: entry.state, edge: edge, cost: cost, elapsed: elapsed))
                open.insert(OpenEntry(estimate: cost + estimate, state: arena.count - 1, reachedGoal: false))
            }
        }
        if !found.isEmpty { return found }
        if let cheapestGoal { return [plannedPath(cheapestGoal)] }
        return []
    }

    /// Whether the goal may follow `path`: the tempo step, key rule and artist spacing hold (the
    /// drift bound and the include/exclude lists do not apply to the goal, which the user chose).
    func allowsGoal(_ goal: Int, after path: [Int], start: Int, graph: TrackGraph) -> Bool {
        guard let last = path.last else { return false }
        // The goal may drift: anchor the drift check on the goal itself.
        return constraints.allowsStep(from: last, to: goal, after: Array(path.dropFirst()), anchor: goal, in: graph)
    }
}

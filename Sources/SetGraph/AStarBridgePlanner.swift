import Dispatch
import HeapModule

/// A* search for a bridge from track A to track B whose intermediate tracks play for about N minutes.
///
/// Cost of a path = Σ (1 − score) over its transitions. The goal is B reached after
/// intermediate tracks with a playing time in [N − tolerance, N + tolerance].
///
/// Heuristic: with m the cheapest stored edge cost in the graph and D the longest track, a state
/// after e seconds of intermediate music still needs at least max(0, ⌈(N − tolerance − e) / D⌉)
/// more intermediate tracks (the remaining time is filled by tracks of at most D seconds), each
/// reached by a stored edge costing at least m, plus the final step into B costing at least 0;
/// so h = m · that count never overestimates the remaining cost: it is admissible, and the first
/// goal popped is optimal among the paths the search keeps. The no-repeat rule makes a state
/// depend on its whole path; states are merged on (node, 15-second bucket of e), which can drop
/// a better path that visits the same node at a similar time with a different history — the
/// tests bound the loss against the brute-force reference. The search stops after
/// `maxExpansions` expansions and returns the best goal found, if any.
public struct AStarBridgePlanner: Sendable {
    /// The hard rules.
    public let constraints: SetConstraints
    /// Allowed deviation from the requested time, seconds (default 150).
    public let toleranceSeconds: Double
    /// Expansion budget (default 200 000).
    public let maxExpansions: Int

    /// Checks and stores the parameters.
    public init(constraints: SetConstraints = .standard, toleranceSeconds: Double = 150, maxExpansions: Int = 200_000) throws(SetGraphError) {
        guard toleranceSeconds >= 0, maxExpansions >= 1 else { throw .invalidParameter("tolerance must be ≥ 0 and the budget ≥ 1") }
        self.constraints = constraints
        self.toleranceSeconds = toleranceSeconds
        self.maxExpansions = maxExpansions
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
    public func bridges(from start: Int, to goal: Int, seconds: Double, in graph: TrackGraph, count: Int,
                        maxShared: Double = 0.5, deadline: UInt64? = nil) throws(SetGraphError) -> [PlannedPath] {
        guard (1...20).contains(count) else { throw .invalidParameter("alternatives must be 1…20, got \(count)") }
        guard start != goal else { throw .invalidParameter("a bridge needs two different tracks") }
        guard graph.nodes.indices.contains(start), graph.nodes.indices.contains(goal) else { throw .unknownTrack(-1) }
        guard seconds.isFinite, seconds > 0 else { throw .invalidParameter("a bridge needs a positive length") }
        let nodes = graph.nodes
        let longest = graph.longestDuration
        let cheapest = graph.cheapestEdgeCost
        let low = seconds - toleranceSeconds, high = seconds + toleranceSeconds
        // The final step into the goal costs at least 0, every other step at least `cheapest`.
        func heuristic(_ elapsed: Double) -> Double { cheapest * max(0, ((low - elapsed) / longest).rounded(.up)) }
        var arena = [ArenaState(node: start, parent: -1, edge: nil, cost: 0, elapsed: 0)]
        var open = Heap<OpenEntry>()
        open.insert(OpenEntry(estimate: heuristic(0), state: 0, reachedGoal: false))
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
            let bucket = state.node * 8192 + min(8191, Int(state.elapsed / 15))
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
            for edge in graph.adjacency[state.node] where edge.target != goal
                && constraints.allows(edge.target, after: visited, anchor: start, in: graph) {
                let elapsed = state.elapsed + nodes[edge.target].duration
                guard elapsed <= high else { continue }
                let cost = state.cost + 1 - edge.score
                arena.append(ArenaState(node: edge.target, parent: entry.state, edge: edge, cost: cost, elapsed: elapsed))
                open.insert(OpenEntry(estimate: cost + heuristic(elapsed), state: arena.count - 1, reachedGoal: false))
            }
        }
        if !found.isEmpty { return found }
        if let cheapestGoal { return [plannedPath(cheapestGoal)] }
        throw .noPath("no bridge of \(Int(seconds / 60)) minutes (±\(Int(toleranceSeconds)) s) links these tracks under the rules "
            + "(tempo step ≤ \(Int(constraints.maxStepPercent)) %, key moves: \(constraints.keyRule.rawValue)); try a different length, "
            + "a looser key rule, or tracks closer in tempo (\(Int(nodes[start].bpm)) → \(Int(nodes[goal].bpm)) BPM)")
    }

    /// Whether the goal may follow `path`: the tempo step, key rule and artist spacing hold (the
    /// drift bound and the include/exclude lists do not apply to the goal, which the user chose).
    func allowsGoal(_ goal: Int, after path: [Int], start: Int, graph: TrackGraph) -> Bool {
        guard let last = path.last else { return false }
        // The goal may drift: anchor the drift check on the goal itself.
        return constraints.allowsStep(from: last, to: goal, after: Array(path.dropFirst()), anchor: goal, in: graph)
    }
}

import HeapModule

/// A* search for a bridge from track A to track B whose intermediate tracks play for about N minutes.
///
/// Cost of a path = Σ (1 − score) over its transitions. The goal is B reached after
/// intermediate tracks with a playing time in [N − tolerance, N + tolerance].
///
/// Heuristic: with m the cheapest edge cost in the graph (including the computed edges into B)
/// and D the longest track, a state at node v after e seconds still needs at least
/// 1 + max(0, ⌈(N − tolerance − e) / D⌉) transitions (the remaining time must be filled by
/// tracks of at most D seconds, plus the final step into B), each costing at least m; so
/// h = m · that count never overestimates the remaining cost: it is admissible, and the first
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

    private struct State: Comparable {
        var estimate: Double
        var cost: Double
        var elapsed: Double
        var path: [Int]
        var edges: [TrackGraph.Edge]
        var reachedGoal: Bool

        static func < (lhs: State, rhs: State) -> Bool { lhs.estimate < rhs.estimate }
        static func == (lhs: State, rhs: State) -> Bool { lhs.estimate == rhs.estimate }
    }

    /// The cheapest bridge from node `start` to node `goal` with about `seconds` of music between them.
    public func bridge(from start: Int, to goal: Int, seconds: Double, in graph: TrackGraph) throws(SetGraphError) -> PlannedPath {
        guard start != goal else { throw .invalidParameter("a bridge needs two different tracks") }
        let nodes = graph.nodes
        let longest = nodes.map(\.duration).max() ?? 1
        var cheapest = 1.0
        for edges in graph.adjacency { for edge in edges { cheapest = min(cheapest, 1 - edge.score) } }
        for index in nodes.indices where index != goal { cheapest = min(cheapest, 1 - graph.edge(from: index, to: goal).score) }
        cheapest = max(0, cheapest)
        let low = seconds - toleranceSeconds, high = seconds + toleranceSeconds
        func heuristic(_ elapsed: Double) -> Double {
            cheapest * (1 + max(0, ((low - elapsed) / longest).rounded(.up)))
        }
        var open = Heap<State>()
        open.insert(State(estimate: heuristic(0), cost: 0, elapsed: 0, path: [start], edges: [], reachedGoal: false))
        var closed = Set<[Int]>()
        var expansions = 0
        while let state = open.popMin() {
            if state.reachedGoal {
                return PlannedPath(nodes: state.path, edges: state.edges, duration: state.elapsed, objective: state.cost)
            }
            expansions += 1
            if expansions > maxExpansions { break }
            let last = state.path[state.path.count - 1]
            let bucket = [last, Int(state.elapsed / 15)]
            if closed.contains(bucket) { continue }
            closed.insert(bucket)
            // Finish: step into the goal when the intermediate time fits.
            if state.path.count > 1, (low...high).contains(state.elapsed), allowsGoal(goal, after: state.path, start: start, graph: graph) {
                let edge = graph.edge(from: last, to: goal)
                var done = state
                done.path.append(goal)
                done.edges.append(edge)
                done.cost += 1 - edge.score
                done.estimate = done.cost
                done.reachedGoal = true
                open.insert(done)
            }
            guard state.elapsed < high else { continue }
            for edge in graph.adjacency[last] where edge.target != goal
                && constraints.allows(edge.target, after: state.path, anchor: start, in: graph) {
                var grown = state
                grown.path.append(edge.target)
                grown.edges.append(edge)
                grown.cost += 1 - edge.score
                grown.elapsed += nodes[edge.target].duration
                guard grown.elapsed <= high else { continue }
                grown.estimate = grown.cost + heuristic(grown.elapsed)
                open.insert(grown)
            }
        }
        throw .noPath("no bridge of \(Int(seconds / 60)) minutes (±\(Int(toleranceSeconds)) s) links these tracks under the tempo "
            + "and artist rules; try a different length, or tracks closer in tempo (\(Int(nodes[start].bpm)) → \(Int(nodes[goal].bpm)) BPM)")
    }

    /// Whether the goal may follow `path`: the tempo step, key rule and artist spacing hold (the
    /// drift bound and the include/exclude lists do not apply to the goal, which the user chose).
    func allowsGoal(_ goal: Int, after path: [Int], start: Int, graph: TrackGraph) -> Bool {
        guard let last = path.last else { return false }
        // The goal may drift: anchor the drift check on the goal itself.
        return constraints.allowsStep(from: last, to: goal, after: Array(path.dropFirst()), anchor: goal, in: graph)
    }
}

/// Exhaustive reference planners for small graphs: every simple path under the same rules.
/// Exponential in path length; for tests only.
public struct BruteForcePlanner: Sendable {
    /// The hard rules.
    public let constraints: SetConstraints

    /// Creates a reference planner.
    public init(constraints: SetConstraints = .standard) { self.constraints = constraints }

    /// The best set from `seed` for `objective` over the graph's stored edges, valuing each step
    /// as `beam` does (its energy arc included).
    public func bestSet(from seed: Int, in graph: TrackGraph, objective: SetObjective, valuedAs beam: BeamSearchPlanner) -> PlannedPath? {
        var best: PlannedPath?
        func visit(_ path: [Int], _ edges: [TrackGraph.Edge], _ sum: Double, _ duration: Double) {
            if path.count > 1 && objective.isCandidate(duration: duration) {
                let value = objective.value(scoreSum: sum, transitions: edges.count, duration: duration)
                if best == nil || value > best!.objective { best = PlannedPath(nodes: path, edges: edges, duration: duration, objective: value) }
            }
            guard duration < objective.targetSeconds, let last = path.last else { return }
            let overlap = constraints.overlapSeconds(outgoing: graph.nodes[last])
            for edge in graph.adjacency[last] where constraints.allows(edge.target, after: path, anchor: seed, in: graph) {
                let value = beam.stepValue(edge, from: last, startingAt: duration - overlap, seedEnergy: graph.nodes[seed].energy, graph: graph,
                                           objective: objective)
                visit(path + [edge.target], edges + [edge], sum + value, duration + constraints.playedSeconds(graph.nodes[edge.target]) - overlap)
            }
        }
        visit([seed], [], 0, constraints.playedSeconds(graph.nodes[seed]))
        return best
    }

    /// The cheapest bridge (Σ 1 − score) from `start` to `goal` with intermediate time within
    /// `seconds ± tolerance`, over the stored edges or, with `everyTrack`, over every pair of
    /// tracks the rules allow (computed edges; the reference for whether a bridge exists at all).
    public func cheapestBridge(from start: Int, to goal: Int, seconds: Double, tolerance: Double, in graph: TrackGraph,
                               everyTrack: Bool = false) -> PlannedPath? {
        let rules = try! AStarBridgePlanner(constraints: constraints, toleranceSeconds: tolerance)
        var best: PlannedPath?
        let low = seconds - tolerance, high = seconds + tolerance
        let drift = AStarBridgePlanner.drift(from: start, to: goal, in: graph)
        func visit(_ path: [Int], _ edges: [TrackGraph.Edge], _ cost: Double, _ elapsed: Double) {
            guard let last = path.last else { return }
            if path.count > 1 && (low...high).contains(elapsed) {
                if rules.allowsGoal(goal, after: path, start: start, graph: graph) {
                    let edge = graph.edge(from: last, to: goal)
                    let total = cost + 1 - edge.score
                    if best == nil || total < best!.objective {
                        best = PlannedPath(nodes: path + [goal], edges: edges + [edge], duration: elapsed, objective: total)
                    }
                }
            }
            let successors = everyTrack ? graph.nodes.indices.map { graph.edge(from: last, to: $0) } : graph.adjacency[last]
            for edge in successors where edge.target != goal && constraints.allows(edge.target, after: path, drift: drift, in: graph) {
                let grown = elapsed + graph.nodes[edge.target].bridgeSeconds
                if grown <= high { visit(path + [edge.target], edges + [edge], cost + 1 - edge.score, grown) }
            }
        }
        visit([start], [], 0, 0)
        return best
    }
}

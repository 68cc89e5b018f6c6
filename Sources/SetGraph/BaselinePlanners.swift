/// The two planners Segue's sets are compared with in the quality benchmark.
public enum BaselinePlanners {
    /// Greedy nearest-neighbour chain: from the seed, always play the best-scoring stored
    /// successor the rules allow, until the target time is reached or no successor is left.
    public static func greedyChain(from seed: Int, in graph: TrackGraph, objective: SetObjective,
                                   constraints: SetConstraints = .standard) -> PlannedPath {
        var nodes = [seed], edges: [TrackGraph.Edge] = []
        var duration = constraints.playedSeconds(graph.nodes[seed])
        while duration < objective.targetSeconds {
            let last = nodes[nodes.count - 1]
            guard let edge = graph.adjacency[last].first(where: { constraints.allows($0.target, after: nodes, anchor: seed, in: graph) }) else { break }
            duration += constraints.playedSeconds(graph.nodes[edge.target]) - constraints.overlapSeconds(outgoing: graph.nodes[last])
            nodes.append(edge.target)
            edges.append(edge)
        }
        return PlannedPath(nodes: nodes, edges: edges, duration: duration,
                           objective: objective.value(scoreSum: edges.reduce(0) { $0 + $1.score }, transitions: edges.count, duration: duration))
    }

    /// The seed project's method: the next track is the most similar one (cosine of ALS factors
    /// when both have them, else of content vectors) among the unplayed tracks in the same key
    /// within ±3 BPM of the current track; it stops when none is left or the time is reached.
    /// Scans the whole library at every step (O(n) per track).
    public static func sameKeyNearest(from seed: Int, in graph: TrackGraph, objective: SetObjective,
                                      constraints: SetConstraints = .standard) -> PlannedPath {
        var nodes = [seed], edges: [TrackGraph.Edge] = []
        var used: Set<Int> = [seed]
        var duration = constraints.playedSeconds(graph.nodes[seed])
        while duration < objective.targetSeconds {
            let last = nodes[nodes.count - 1], current = graph.nodes[last]
            var best: (index: Int, similarity: Float)?
            for (index, candidate) in graph.nodes.enumerated() where !used.contains(index) && candidate.key == current.key
                && abs(candidate.bpm - current.bpm) <= 3 {
                let similarity: Float
                if let a = current.alsVector, let b = candidate.alsVector {
                    similarity = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
                } else {
                    similarity = zip(current.contentVector, candidate.contentVector).reduce(0) { $0 + $1.0 * $1.1 }
                }
                if best.map({ similarity > $0.similarity }) ?? true { best = (index, similarity) }
            }
            guard let next = best?.index else { break }
            duration += constraints.playedSeconds(graph.nodes[next]) - constraints.overlapSeconds(outgoing: current)
            edges.append(graph.edge(from: last, to: next))
            nodes.append(next)
            used.insert(next)
        }
        return PlannedPath(nodes: nodes, edges: edges, duration: duration,
                           objective: objective.value(scoreSum: edges.reduce(0) { $0 + $1.score }, transitions: edges.count, duration: duration))
    }
}

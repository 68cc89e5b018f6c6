import DJModel
@testable import SetGraph
import Testing

/// The backward search behind A*'s heuristic: the fewest transitions from every track to the
/// goal equal a plain breadth-first search over every pair of tracks, and agree with the forward
/// reachability check at the start.
struct GoalDistancesTests {
    /// Whether a bridge between `start` and `goal` may step from `from` to `to` (tempo step and
    /// key rule only; the pairwise reference).
    static func allows(_ constraints: SetConstraints, from: TrackNode, to: TrackNode) -> Bool {
        let change = CompatibilityRules.tempoChange(from: from.bpm, to: to.bpm)
        guard abs(change.percent) <= constraints.maxStepPercent, constraints.allowHalfDoubleTime || !change.halfOrDouble else { return false }
        guard constraints.keyRule != .any, constraints.keyLock else { return true }
        return constraints.keyRule.allows(from: from.key, to: to.key)
    }

    @Test(arguments: [UInt64(81), 82, 83, 84, 85, 86, 87, 88])
    func distancesEqualABreadthFirstSearchOverEveryPair(seed: UInt64) throws {
        let graph = try TrackGraph(nodes: BridgeSearchTests.spreadNodes(count: 30, seed: seed), neighbors: 4)
        let nodes = graph.nodes
        for constraints in BridgeSearchTests.rules {
            for (start, goal) in [(0, 29), (3, 17), (11, 5)] {
                let drift = DriftReference.span(min(nodes[start].bpm, nodes[goal].bpm)...max(nodes[start].bpm, nodes[goal].bpm))
                let intermediates = nodes.indices.filter {
                    $0 != start && $0 != goal && drift.percent(to: nodes[$0].bpm, in: graph) <= constraints.maxDriftPercent
                }
                var expected = [Int?](repeating: nil, count: nodes.count)
                var frontier = [goal], level = 0
                while !frontier.isEmpty {
                    level += 1
                    var next: [Int] = []
                    for node in intermediates where expected[node] == nil
                        && frontier.contains(where: { Self.allows(constraints, from: nodes[node], to: nodes[$0]) }) {
                        expected[node] = level
                        next.append(node)
                    }
                    frontier = next
                }
                let distances = BridgeReachability(constraints: constraints).distances(from: start, to: goal, in: graph)
                for node in nodes.indices {
                    #expect(distances.transitions(from: node) == expected[node], "seed \(seed) \(start)→\(goal) node \(node)")
                }
                #expect(distances.isEnd(start) && distances.isEnd(goal))
                let viaFirstStep = intermediates.compactMap { node in
                    Self.allows(constraints, from: nodes[start], to: nodes[node]) ? expected[node].map { $0 + 1 } : nil
                }.min()
                #expect(BridgeReachability(constraints: constraints).check(from: start, to: goal, in: graph).minimumTransitions == viaFirstStep)
                #expect(distances.fromStart == viaFirstStep)
            }
        }
    }
}

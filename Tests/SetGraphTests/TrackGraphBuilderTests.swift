import DJModel
@testable import SetGraph
import Testing

@Suite("Track graph builder")
struct TrackGraphBuilderTests {
    /// Nodes with tempi from 60 to 190 BPM, so that straight, half and double-time windows all
    /// matter, and ALS factors missing on every fourth.
    static func spreadNodes(count: Int, seed: UInt64) -> [TrackNode] {
        var random = GraphFixtures.Random(state: seed)
        return (0..<count).map { index in
            TrackNode(id: TrackID(Int64(index + 1)), artist: "a\(index % 17)", duration: 300, bpm: 60 + 130 * random.unit(),
                      key: MusicalKey.all[Int(random.next() % 24)], energy: 1 + Int(random.next() % 10),
                      alsVector: index % 4 == 3 ? nil : (0..<12).map { _ in Float(random.unit() - 0.5) },
                      contentVector: (0..<19).map { _ in Float(random.unit() - 0.5) })
        }
    }

    @Test("keeps exactly the best-scoring successors among the tempo-reachable tracks", arguments: [1, 3])
    func matchesBruteForceInsideTheWindows(threads: Int) throws {
        let nodes = Self.spreadNodes(count: 300, seed: 5)
        let scorer = TransitionScorer()
        let graph = try TrackGraph(nodes: nodes, scorer: scorer, neighbors: 10, threads: threads)
        let window = scorer.weights.pitchRangePercent * TrackGraphBuilder.windowFactor
        for source in nodes.indices {
            var expected: [(score: Double, target: Int)] = []
            for target in nodes.indices where target != source
                && abs(CompatibilityRules.tempoChange(from: nodes[source].bpm, to: nodes[target].bpm).percent) <= window {
                expected.append((scorer.score(from: nodes[source], to: nodes[target]).score, target))
            }
            expected.sort { $0.score > $1.score || ($0.score == $1.score && $0.target < $1.target) }
            let found = graph.adjacency[source]
            #expect(found.count == min(10, expected.count))
            for (edge, reference) in zip(found, expected) {
                #expect(abs(edge.score - reference.score) < 1e-6, "source \(source): \(edge.score) vs \(reference.score)")
            }
            #expect(Set(found.map(\.target)).count == found.count)
        }
    }

    @Test("a lone track and tracks without tempo get no edges")
    func degenerate() throws {
        let one = try TrackGraph(nodes: Array(Self.spreadNodes(count: 1, seed: 1)), neighbors: 4)
        #expect(one.adjacency == [[]])
        var nodes = Self.spreadNodes(count: 3, seed: 2)
        nodes[0].bpm = 0
        let graph = try TrackGraph(nodes: nodes, neighbors: 4)
        #expect(graph.adjacency[0].isEmpty)
        #expect(!graph.adjacency[1].contains { $0.target == 0 })
        #expect(throws: SetGraphError.self) { try TrackGraph(nodes: nodes, neighbors: 4, threads: 0) }
    }
}

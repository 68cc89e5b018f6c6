import DJModel
import SetGraph
import Testing

/// Goal-directed bridges: the exact reachability check, the step bounds behind A*'s heuristic,
/// and A* against the brute-force references on small graphs whose tempi spread widely.
struct BridgeSearchTests {
    /// `count` tracks of 4–6 minutes between 100 and 150 BPM, one artist each.
    static func spreadNodes(count: Int, seed: UInt64) -> [TrackNode] {
        var random = GraphFixtures.Random(state: seed)
        return (0..<count).map { index in
            TrackNode(id: TrackID(Int64(index + 1)), artist: "artist \(index)", duration: 240 + 120 * random.unit(),
                      bpm: 100 + 50 * random.unit(), key: MusicalKey.all[Int(random.next() % 24)], energy: 5,
                      alsVector: (0..<4).map { _ in Float(random.unit() - 0.5) }, contentVector: (0..<6).map { _ in Float(random.unit() - 0.5) })
        }
    }

    static let rules: [SetConstraints] = [
        try! SetConstraints(artistSpacing: 0),
        try! SetConstraints(artistSpacing: 0, maxStepPercent: 6, maxDriftPercent: 5, allowHalfDoubleTime: false),
        try! SetConstraints(artistSpacing: 0, maxStepPercent: 10, keyRule: .mixxx),
    ]

    @Test(arguments: [UInt64(31), 32, 33, 34, 35, 36])
    func reachabilityAgreesWithExhaustiveSearch(seed: UInt64) throws {
        let graph = try TrackGraph(nodes: Self.spreadNodes(count: 9, seed: seed), neighbors: 4)
        for constraints in Self.rules {
            let reference = BruteForcePlanner(constraints: constraints)
            let bounds = BridgeStepBounds(constraints: constraints)
            for (start, goal) in [(0, 8), (1, 7), (2, 6), (3, 5)] {
                let result = BridgeReachability(constraints: constraints).check(from: start, to: goal, in: graph)
                // Any length up to every other track: the exhaustive search over every pair of tracks.
                let any = reference.cheapestBridge(from: start, to: goal, seconds: 1_800, tolerance: 1_800, in: graph, everyTrack: true)
                #expect((result.minimumTransitions != nil) == (any != nil), "seed \(seed) \(start)→\(goal): reachability \(String(describing: result.minimumTransitions)) vs exhaustive \(any != nil)")
                if let minimum = result.minimumTransitions {
                    #expect(bounds.steps(from: graph.nodes[start], to: graph.nodes[goal]) <= minimum, "the step bound overestimates")
                    if let any { #expect(any.edges.count >= minimum) }
                }
            }
        }
    }

    @Test(arguments: Array(UInt64(41)...UInt64(72)))
    func aStarFindsABridgeWheneverOneExists(seed: UInt64) throws {
        let graph = try TrackGraph(nodes: Self.spreadNodes(count: 9, seed: seed), neighbors: 3)
        for constraints in Self.rules {
            let planner = try AStarBridgePlanner(constraints: constraints, toleranceSeconds: 150)
            let reference = BruteForcePlanner(constraints: constraints)
            for (start, goal) in [(0, 8), (1, 7), (2, 6)] {
                let exists = reference.cheapestBridge(from: start, to: goal, seconds: 900, tolerance: 150, in: graph, everyTrack: true)
                let storedOptimum = reference.cheapestBridge(from: start, to: goal, seconds: 900, tolerance: 150, in: graph)
                let found = try? planner.bridge(from: start, to: goal, seconds: 900, in: graph)
                #expect((found != nil) == (exists != nil), "seed \(seed) \(start)→\(goal): A* \(found != nil), exhaustive \(exists != nil)")
                guard let found else { continue }
                #expect(found.nodes.first == start && found.nodes.last == goal)
                #expect((750...1_050).contains(found.duration))
                // A* searches the stored edges and more: never worse than the stored-edge optimum
                // (merged states aside, bounded by 0.02), never better than the exhaustive one.
                if let storedOptimum { #expect(found.objective <= storedOptimum.objective + 0.02, "A* \(found.nodes) \(found.duration) vs \(storedOptimum.nodes) \(storedOptimum.duration)") }
                if let exists { #expect(found.objective >= exists.objective - 1e-9) }
            }
        }
    }

    @Test func stepBoundsCountTempoOnTheOctaveCircleAndKeyMoves() throws {
        let standard = BridgeStepBounds(constraints: .standard)
        #expect(standard.tempoSteps(from: 120, to: 120) == 0)
        #expect(standard.tempoSteps(from: 120, to: 129) == 1)
        #expect(standard.tempoSteps(from: 120, to: 140) == 2)
        #expect(standard.tempoSteps(from: 87, to: 174) == 0, "half/double time is the same tempo")
        let straight = BridgeStepBounds(constraints: try SetConstraints(allowHalfDoubleTime: false))
        #expect(straight.tempoSteps(from: 87, to: 174) == 9)
        let strict = BridgeStepBounds(constraints: try SetConstraints(keyRule: .strict))
        let c = try #require(MusicalKey(parsing: "8B")), g = try #require(MusicalKey(parsing: "9B")), fSharp = try #require(MusicalKey(parsing: "2B"))
        #expect(strict.keySteps(from: c, to: c) == 0)
        #expect(strict.keySteps(from: c, to: g) == 1)
        #expect(strict.keySteps(from: c, to: fSharp) == 6)
        #expect(standard.keySteps(from: c, to: fSharp) == 0, "any key move: no key bound")
    }
}

import DJModel
@testable import SetGraph
import Testing

@Suite("Planning rules")
struct ConstraintTests {
    func key(_ camelot: String) -> MusicalKey { MusicalKey(parsing: camelot)! }

    @Test("key-move rule sets allow exactly their moves")
    func keyRules() {
        let from = key("8A")
        let allowed: [KeyMoveRule: Set<String>] = [
            .strict: ["8A", "7A", "9A", "8B"],
            .mixxx: ["8A", "7A", "9A", "8B", "7B", "9B"],
            .energyBoost: ["8A", "7A", "9A", "8B", "10A", "3A"],
        ]
        for (rule, expected) in allowed {
            for candidate in MusicalKey.all {
                #expect(rule.allows(from: from, to: candidate) == expected.contains(candidate.camelot), "\(rule) 8A → \(candidate.camelot)")
            }
        }
        #expect(MusicalKey.all.allSatisfy { KeyMoveRule.any.allows(from: from, to: $0) })
    }

    @Test("without key lock a tempo change shifts the heard key (±6 % ≈ one semitone)")
    func heardKey() {
        let aMinor = key("8A")
        #expect(KeyMoveRule.heardKey(aMinor, trackBPM: 120, playedBPM: 127.2) == MusicalKey(tonic: 10, mode: .minor))
        #expect(KeyMoveRule.heardKey(aMinor, trackBPM: 120, playedBPM: 113) == MusicalKey(tonic: 8, mode: .minor))
        #expect(KeyMoveRule.heardKey(aMinor, trackBPM: 120, playedBPM: 122) == aMinor)
        #expect(KeyMoveRule.heardKey(aMinor, trackBPM: 87, playedBPM: 174) == aMinor, "half/double time keeps the track's own tempo")
    }

    @Test("a strict key rule, exclusions and an include list hold in every planned set")
    func rulesHold() throws {
        let nodes = GraphFixtures.nodes(count: 60, seed: 41)
        let graph = try TrackGraph(nodes: nodes, neighbors: 30)
        let excluded: Set<Int> = [1, 2, 3, 4, 5]
        let constraints = try SetConstraints(keyRule: .mixxx, excluded: excluded)
        let path = try BeamSearchPlanner(constraints: constraints, energyArc: nil).plan(from: 0, in: graph, objective: SetObjective(targetSeconds: 20 * 60))
        for (from, to) in zip(path.nodes, path.nodes.dropFirst()) {
            #expect(KeyMoveRule.mixxx.allows(from: nodes[from].key, to: nodes[to].key))
        }
        #expect(excluded.isDisjoint(with: path.nodes))
        let allowed = Set(10..<40)
        let only = try BeamSearchPlanner(constraints: try SetConstraints(allowed: allowed), energyArc: nil)
            .plan(from: 0, in: graph, objective: SetObjective(targetSeconds: 15 * 60))
        #expect(only.nodes.dropFirst().allSatisfy(allowed.contains))
        #expect(throws: SetGraphError.self) { try SetConstraints(excluded: [1], allowed: [1]) }
        #expect(throws: SetGraphError.self) { try SetConstraints(maxStepPercent: 30, maxDriftPercent: 5) }
    }

    @Test("wide beam search equals brute force under a strict key rule")
    func strictMatchesBruteForce() throws {
        let graph = try TrackGraph(nodes: GraphFixtures.nodes(count: 10, seed: 8), neighbors: 9)
        let constraints = try SetConstraints(artistSpacing: 1, keyRule: .energyBoost)
        let beam = try BeamSearchPlanner(width: 10_000, constraints: constraints, energyArc: .peak)
        let objective = SetObjective(targetSeconds: 12 * 60)
        guard let best = BruteForcePlanner(constraints: constraints).bestSet(from: 0, in: graph, objective: objective, valuedAs: beam) else {
            #expect(throws: SetGraphError.self) { try beam.plan(from: 0, in: graph, objective: objective) }
            return
        }
        let found = try beam.plan(from: 0, in: graph, objective: objective)
        #expect(abs(found.objective - best.objective) < 1e-9)
    }

    @Test("pinned tracks land at their positions and nowhere else")
    func pins() throws {
        let nodes = GraphFixtures.nodes(count: 40, seed: 99)
        let graph = try TrackGraph(nodes: nodes, neighbors: 12)
        let planner = try BeamSearchPlanner(energyArc: nil)
        let free = try planner.plan(from: 0, in: graph, objective: SetObjective(targetSeconds: 30 * 60))
        let outsider = try #require((1..<40).first { !free.nodes.contains($0) && nodes[$0].artist != nodes[0].artist })
        let path = try planner.plan(from: 0, in: graph, objective: SetObjective(targetSeconds: 30 * 60), pins: [3: outsider])
        #expect(path.nodes.count > 3 && path.nodes[3] == outsider)
        #expect(path.nodes.filter { $0 == outsider }.count == 1)
        #expect(throws: SetGraphError.self) { try planner.plan(from: 0, in: graph, objective: SetObjective(targetSeconds: 600), pins: [0: 5]) }
        #expect(throws: SetGraphError.self) { try planner.plan(from: 0, in: graph, objective: SetObjective(targetSeconds: 600), pins: [2: 0]) }
    }

    @Test("custom energy curves interpolate between points and parse from the command line")
    func customCurves() throws {
        let curve = try EnergyCurve(parsing: "0:4,0.5:8,1:6")
        #expect(curve.target(at: 0, start: 1) == 4)
        #expect(abs(curve.target(at: 0.25, start: 1) - 6) < 1e-12)
        #expect(abs(curve.target(at: 0.75, start: 1) - 7) < 1e-12)
        #expect(curve.target(at: 1.5, start: 1) == 6)
        #expect(try EnergyCurve(parsing: "rise") == .preset(.rise))
        #expect(throws: SetGraphError.self) { try EnergyCurve(parsing: "0:4,0.2:11") }
        #expect(throws: SetGraphError.self) { try EnergyCurve(parsing: "0.5:4,0.2:5") }
        #expect(throws: SetGraphError.self) { try EnergyCurve(parsing: "upward") }
    }
}

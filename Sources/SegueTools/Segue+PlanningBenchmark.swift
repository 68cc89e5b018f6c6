import DJModel
import Foundation
import SegueCore
import SegueMath
import SetGraph

/// Timings of `segue bench plan`: planning alone, on a graph loaded once.
public struct PlanningBenchmark: Sendable {
    /// Tracks and stored edges in the graph.
    public var tracks: Int, edges: Int
    /// Seconds to load the graph from the library.
    public var loadSeconds: Double
    /// Milliseconds per planned set and per bridge (successful ones).
    public var setMilliseconds: [Double], bridgeMilliseconds: [Double]
    /// Requests that found no answer under the rules.
    public var setFailures: Int, bridgeFailures: Int
    /// Bridge pairs for which the exact reachability check finds a bridge at some length.
    public var bridgesExisting = 0
    /// Of those, answered at the asked length, and at another (the nearest that was found).
    public var bridgesAtAskedLength = 0, bridgesAtNearestLength = 0
    /// The pairs that have a bridge but got no answer, in words (ids, tempi, keys, fewest transitions, time).
    public var missedBridges: [String] = []
    /// Milliseconds per answer where no bridge exists (the check and the relaxations named).
    public var noBridgeMilliseconds: [Double] = []

    /// The `fraction` quantile of `values` (nearest rank), or 0 when empty.
    public static func quantile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, max(0, Int(saturating: (fraction * Double(sorted.count)).rounded(.up)) - 1))]
    }
}

extension Segue {
    /// Plans `sets` sets of `setMinutes` from random seeds and `bridges` bridges of
    /// `bridgeMinutes` (or the nearest length that exists) between random pairs, with the default
    /// rules, timing each and counting the pairs the exact reachability check links.
    public func benchmarkPlanning(sets: Int, bridges: Int, setMinutes: Double = 60, bridgeMinutes: Double = 20,
                                  seed: UInt64 = 3) throws(SegueError) -> PlanningBenchmark {
        let started = Date()
        let graph = try loadGraph()
        let loadSeconds = Date().timeIntervalSince(started)
        var random = SeededGenerator(seed: seed)
        let count = graph.nodes.count
        var result = PlanningBenchmark(tracks: count, edges: graph.adjacency.reduce(0) { $0 + $1.count }, loadSeconds: loadSeconds,
                                       setMilliseconds: [], bridgeMilliseconds: [], setFailures: 0, bridgeFailures: 0)
        let beam: BeamSearchPlanner, astar: AStarBridgePlanner
        do { (beam, astar) = (try BeamSearchPlanner(energyArc: .flat), try AStarBridgePlanner()) } catch {
            throw SegueError.wrap(error, as: .invalidInput)
        }
        func time(_ body: () throws -> Void) -> Double? {
            let start = DispatchTime.now().uptimeNanoseconds
            do { try body() } catch { return nil }
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        }
        for _ in 0..<sets {
            let seedNode = Int(random.next() % UInt64(count))
            if let ms = time({ _ = try beam.plan(from: seedNode, in: graph, objective: SetObjective(targetSeconds: setMinutes * 60)) }) {
                result.setMilliseconds.append(ms)
            } else { result.setFailures += 1 }
        }
        // Pairs from their own generator, so that they do not depend on how many sets came first.
        var pairs = SeededGenerator(seed: seed &+ 1)
        for _ in 0..<bridges {
            // Random pairs, as a DJ might pick them: the exact reachability check says whether a
            // bridge exists at any length; the planner must answer every pair that has one.
            let start = Int(pairs.next() % UInt64(count))
            var goal = Int(pairs.next() % UInt64(count))
            if goal == start { goal = (start + 1) % count }
            let minimum = BridgeReachability(constraints: astar.constraints).check(from: start, to: goal, in: graph).minimumTransitions
            let exists = minimum != nil
            if exists { result.bridgesExisting += 1 }
            var answer: NearestLengthBridge?
            let started = DispatchTime.now().uptimeNanoseconds
            // The same time budget as a request to the service.
            answer = try? astar.nearestLengthBridges(from: start, to: goal, seconds: bridgeMinutes * 60, in: graph, count: 1,
                                                     deadline: PlanLimits.deadline())
            let ms = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
            if let answer {
                result.bridgeMilliseconds.append(ms)
                if answer.note == nil { result.bridgesAtAskedLength += 1 } else { result.bridgesAtNearestLength += 1 }
            } else if let minimum {
                result.bridgeFailures += 1
                let (a, b) = (graph.nodes[start], graph.nodes[goal])
                result.missedBridges.append("\(a.id) → \(b.id): \(Int(saturating: a.bpm.rounded())) → \(Int(saturating: b.bpm.rounded())) BPM, \(a.key.camelot) → "
                    + "\(b.key.camelot), at least \(minimum) transitions, " + String(format: "%.0f ms", ms))
            } else {
                result.noBridgeMilliseconds.append(ms)
            }
        }
        return result
    }
}

/// A* bridges against the exhaustive optimum on small random graphs (`segue bench-plan --small-graphs`).
public struct SmallGraphBridgeBenchmark: Sendable {
    /// Pairs tried, pairs the exhaustive search links, and pairs A* linked.
    public var pairs = 0, existing = 0, found = 0
    /// Per found bridge, its cost over the exhaustive optimum's, minus 1 (0 = optimal).
    public var excess: [Double] = []

    /// Runs `graphs` random graphs of `tracks` tracks (100–150 BPM, 4–6 minutes, any key) under
    /// three rule sets (the defaults, 6 % steps without half/double time, 10 % steps with the
    /// Mixxx key rule), three pairs each, for a 15-minute bridge (± 2.5), comparing A* with the
    /// exhaustive search over every pair of tracks.
    public static func run(graphs: Int, tracks: Int = 10, seed: UInt64 = 11) throws(SegueError) -> SmallGraphBridgeBenchmark {
        guard (0...10_000).contains(graphs), (4...11).contains(tracks) else {
            throw SegueError(.invalidInput, "small graphs: 0…10000 graphs of 4…11 tracks")
        }
        var random = SeededGenerator(seed: seed)
        func unit() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
        var result = SmallGraphBridgeBenchmark()
        let rules: [SetConstraints]
        do {
            rules = [try SetConstraints(artistSpacing: 0),
                     try SetConstraints(artistSpacing: 0, maxStepPercent: 6, maxDriftPercent: 5, allowHalfDoubleTime: false),
                     try SetConstraints(artistSpacing: 0, maxStepPercent: 10, keyRule: .mixxx)]
        } catch { throw SegueError.wrap(error, as: .invalidInput) }
        for _ in 0..<graphs {
            let nodes = (0..<tracks).map { index in
                TrackNode(id: TrackID(Int64(index + 1)), artist: "artist \(index)", duration: 240 + 120 * unit(), bpm: 100 + 50 * unit(),
                          key: MusicalKey.all[Int(random.next() % 24)], energy: 5,
                          alsVector: (0..<4).map { _ in Float(unit() - 0.5) }, contentVector: (0..<6).map { _ in Float(unit() - 0.5) })
            }
            let graph: TrackGraph
            do { graph = try TrackGraph(nodes: nodes, neighbors: 3) } catch { throw SegueError.wrap(error, as: .invalidInput) }
            for constraints in rules {
                let planner: AStarBridgePlanner
                do { planner = try AStarBridgePlanner(constraints: constraints, toleranceSeconds: 150) } catch {
                    throw SegueError.wrap(error, as: .invalidInput)
                }
                for (start, goal) in [(0, tracks - 1), (1, tracks - 2), (2, tracks - 3)] {
                    result.pairs += 1
                    let optimum = BruteForcePlanner(constraints: constraints)
                        .cheapestBridge(from: start, to: goal, seconds: 900, tolerance: 150, in: graph, everyTrack: true)
                    let found = try? planner.bridge(from: start, to: goal, seconds: 900, in: graph)
                    if let optimum {
                        result.existing += 1
                        if let found {
                            result.found += 1
                            result.excess.append(optimum.objective > 0 ? found.objective / optimum.objective - 1 : 0)
                        }
                    }
                }
            }
        }
        return result
    }
}

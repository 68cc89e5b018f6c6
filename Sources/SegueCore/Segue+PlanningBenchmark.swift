import DJModel
import Foundation
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

    /// The `fraction` quantile of `values` (nearest rank), or 0 when empty.
    public static func quantile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, max(0, Int((fraction * Double(sorted.count)).rounded(.up)) - 1))]
    }
}

extension Segue {
    /// Plans `sets` sets of `setMinutes` from random seeds and `bridges` bridges of
    /// `bridgeMinutes` between random pairs, with the default rules, timing each.
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
            throw SegueError(.invalidInput, error.description)
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
        for _ in 0..<bridges {
            // A reachable pair, as a DJ would pick: the goal is a track a set from the start could
            // reach in tempo (within the drift bound), chosen at random among those.
            let start = Int(random.next() % UInt64(count))
            let candidates = (0..<8).map { _ in Int(random.next() % UInt64(count)) }
            let goal = candidates.first { $0 != start && abs(CompatibilityRules.tempoChange(from: graph.nodes[start].bpm, to: graph.nodes[$0].bpm).percent) <= 8 }
                ?? candidates[0]
            if goal == start { result.bridgeFailures += 1; continue }
            if let ms = time({ _ = try astar.bridge(from: start, to: goal, seconds: bridgeMinutes * 60, in: graph) }) {
                result.bridgeMilliseconds.append(ms)
            } else { result.bridgeFailures += 1 }
        }
        return result
    }
}

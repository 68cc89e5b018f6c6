import DJModel
import Foundation
import SegueCore
import SegueMath
import SetGraph

/// Mean set quality of each planner over the same seeds (`segue bench-quality`).
public struct QualityComparison: Sendable {
    /// One planner's results.
    public struct Row: Sendable {
        /// Planner name.
        public var planner: String
        /// Measures averaged over the seeds (artist repeats summed per set, then averaged).
        public var mean: DJSet.Quality
        /// Mean number of tracks per set.
        public var tracks: Double
        /// The summary score (see ``QualityComparison/summary(_:tracks:)``).
        public var sum: Double
    }

    /// Seeds used.
    public var seeds: Int
    /// One row per planner: Segue (beam search), greedy chain, same key ±3 BPM nearest.
    public var rows: [Row]
    /// Seeds from which every planner filled at least 90 % of the time (a paired comparison of
    /// complete sets; a planner that stops after one track has perfect transitions to show).
    public var completeSeeds: Int
    /// The rows over those seeds only (empty when there are none).
    public var completeRows: [Row]

    /// The sum of six measures each mapped to 0…1, higher is better: harmonic share, mean
    /// similarity, 1 − mean |ΔBPM| ÷ 8 %, 1 − energy-arc error ÷ 9, 1 − duration error ÷ 100 %,
    /// 1 − artist repeats ÷ tracks (each clamped to 0…1).
    public static func summary(_ quality: DJSet.Quality, tracks: Double) -> Double {
        func unit(_ value: Double) -> Double { max(0, min(1, value)) }
        return unit(quality.harmonicShare) + unit(quality.meanSimilarity) + unit(1 - quality.meanTempoChangePercent / 8)
            + unit(1 - quality.energyArcError / 9) + unit(1 - quality.durationErrorPercent / 100)
            + unit(1 - Double(quality.artistRepeats) / max(1, tracks))
    }
}

extension Segue {
    /// Plans a set of `minutes` from each of `seeds` random tracks with Segue's beam search and
    /// with the two baselines, under the same rules, and averages their quality measures.
    public func compareSetQuality(seeds count: Int, minutes: Double = 60, energy: EnergyCurve = .preset(.rise),
                                  rules: PlanRules? = nil, energyWeight: Double = BeamSearchPlanner.defaultEnergyArcWeight,
                                  tempoStepWeight: Double = BeamSearchPlanner.defaultTempoStepWeight, beamWidth: Int = 64,
                                  seed: UInt64 = 5) throws(SegueError) -> QualityComparison {
        let graph = try loadGraph()
        let constraints = try constraints(for: rules, in: graph, deadline: .max)
        let objective = SetObjective(targetSeconds: minutes * 60)
        let beam: BeamSearchPlanner
        do { beam = try BeamSearchPlanner(width: beamWidth, constraints: constraints, energy: energy, energyArcWeight: energyWeight, tempoStepWeight: tempoStepWeight) } catch { throw SegueError.wrap(error, as: .invalidInput) }
        var random = SeededGenerator(seed: seed)
        let candidates = graph.nodes.indices.filter { !graph.adjacency[$0].isEmpty }
        guard !candidates.isEmpty else { throw SegueError(.unsatisfiable, "the graph has no edges; run `segue train`") }
        let seeds = (0..<count).map { _ in candidates[Int(random.next() % UInt64(candidates.count))] }
        let quality = { (path: PlannedPath) in SetQualityEvaluator.measure(path, in: graph, constraints: constraints, arc: energy, targetSeconds: minutes * 60) }
        let planners: [(String, (Int) -> PlannedPath?)] = [
            ("Segue (beam search)", { try? beam.plan(from: $0, in: graph, objective: objective) }),
            ("greedy nearest-neighbour chain", { BaselinePlanners.greedyChain(from: $0, in: graph, objective: objective, constraints: constraints) }),
            ("same key, ±3 BPM, nearest (seed project)", { BaselinePlanners.sameKeyNearest(from: $0, in: graph, objective: objective, constraints: constraints) }),
        ]
        var measured: [(name: String, measures: [DJSet.Quality], lengths: [Double], durations: [Double])] = []
        for (name, plan) in planners {
            var measures: [DJSet.Quality] = [], lengths: [Double] = [], durations: [Double] = []
            for start in seeds {
                // A planner that finds nothing plays the seed alone: full duration error.
                let path = plan(start) ?? PlannedPath(nodes: [start], edges: [], duration: graph.nodes[start].duration, objective: 0)
                measures.append(quality(path))
                lengths.append(Double(path.nodes.count))
                durations.append(path.duration)
            }
            measured.append((name, measures, lengths, durations))
        }
        let complete = seeds.indices.filter { seed in measured.allSatisfy { objective.isCandidate(duration: $0.durations[seed]) } }
        func rows(over indices: [Int]) -> [QualityComparison.Row] {
            guard !indices.isEmpty else { return [] }
            return measured.map { planner in
                let measures = indices.map { planner.measures[$0] }, lengths = indices.map { planner.lengths[$0] }
                let n = Double(measures.count)
                func mean(_ value: (DJSet.Quality) -> Double) -> Double { measures.map(value).reduce(0, +) / n }
                let average = DJSet.Quality(transitions: Int(saturating: mean { Double($0.transitions) }.rounded()), harmonicShare: mean(\.harmonicShare),
                                            meanTempoChangePercent: mean(\.meanTempoChangePercent), maxTempoChangePercent: mean(\.maxTempoChangePercent),
                                            energyArcError: mean(\.energyArcError), durationErrorPercent: mean(\.durationErrorPercent),
                                            artistRepeats: Int(saturating: mean { Double($0.artistRepeats) }.rounded()), meanSimilarity: mean(\.meanSimilarity))
                let sum = measures.enumerated().map { QualityComparison.summary($1, tracks: lengths[$0]) }.reduce(0, +) / n
                return QualityComparison.Row(planner: planner.name, mean: average, tracks: lengths.reduce(0, +) / n, sum: sum)
            }
        }
        return QualityComparison(seeds: count, rows: rows(over: Array(seeds.indices)), completeSeeds: complete.count,
                                 completeRows: rows(over: complete))
    }
}

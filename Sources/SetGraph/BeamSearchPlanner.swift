import Dispatch
import DJModel

/// Beam search for a set of about N minutes from a seed track.
///
/// Paths grow one track per step; at each depth the `width` paths with the highest sum of
/// transition scores survive (equal depth, so equal transition counts). Every path whose playing
/// time is within 10 % below the target or beyond is a candidate, scored by ``SetObjective``;
/// paths at or past the target stop growing. O(depth · width · k) edge checks for k neighbours.
public struct BeamSearchPlanner: Sendable {
    /// Paths kept per depth (1…10 000; default 64).
    public let width: Int
    /// The hard rules.
    public let constraints: SetConstraints
    /// The energy shape to follow, or `nil` for none.
    public let energy: EnergyCurve?
    /// Weight of the energy-arc error per transition: each step's score loses
    /// `energyArcWeight · |energy − target| / 9` (0…1; default 0.2, chosen with the transition
    /// weights, see ``TransitionWeights``).
    public let energyArcWeight: Double

    /// Weight of the tempo step per transition: each step's score loses
    /// `tempoStepWeight · (ΔBPM %)²` (0…1; default 0.0075: a 1 % step costs 0.0075, a 4 % step
    /// 0.12). The transition score already falls linearly with the step; the square makes one
    /// large step cost more than several small ones, which the energy arc otherwise buys (faster
    /// tracks are often the more energetic ones). Chosen with `segue bench-quality --seeds 200`
    /// on the 10k catalogue and the demo library, random seeds 101 and 202: 0.0075 is the
    /// largest tried (0, 0.005, 0.0075, 0.01, 0.02) that keeps the demo's harmonic share above
    /// the greedy chain's (67 and 65 % against 65 and 64 %) while bringing the largest step on the
    /// 10k catalogue under it (0.65 and 0.61 % against 0.67; 0.73 with no tempo term).
    public let tempoStepWeight: Double

    /// The default weight of the energy-arc error (see ``energyArcWeight``).
    public static let defaultEnergyArcWeight = 0.2
    /// The default weight of the tempo step (see ``tempoStepWeight``).
    public static let defaultTempoStepWeight = 0.0075

    /// Checks and stores the parameters.
    public init(width: Int = 64, constraints: SetConstraints = .standard, energy: EnergyCurve? = nil,
                energyArcWeight: Double = defaultEnergyArcWeight, tempoStepWeight: Double = defaultTempoStepWeight) throws(SetGraphError) {
        guard (1...10_000).contains(width) else { throw .invalidParameter(InvalidParameter("beam width", "must be 1…10000, got \(width)")) }
        guard (0...1).contains(energyArcWeight) else { throw .invalidParameter(InvalidParameter("energy-arc weight", "must be 0…1")) }
        guard (0...1).contains(tempoStepWeight) else { throw .invalidParameter(InvalidParameter("tempo-step weight", "must be 0…1")) }
        self.width = width
        self.constraints = constraints
        self.energy = energy
        self.energyArcWeight = energyArcWeight
        self.tempoStepWeight = tempoStepWeight
    }

    /// A planner following a preset arc.
    public init(width: Int = 64, constraints: SetConstraints = .standard, energyArc: EnergyArc?,
                energyArcWeight: Double = defaultEnergyArcWeight, tempoStepWeight: Double = defaultTempoStepWeight) throws(SetGraphError) {
        try self.init(width: width, constraints: constraints, energy: energyArc.map(EnergyCurve.preset), energyArcWeight: energyArcWeight,
                      tempoStepWeight: tempoStepWeight)
    }

    /// The value a step from node `source` adds to a path: the edge score, less the tempo-step
    /// cost and the energy-arc error at the time the incoming track starts.
    func stepValue(_ edge: TrackGraph.Edge, from source: Int, startingAt seconds: Double, seedEnergy: Int, graph: TrackGraph,
                   objective: SetObjective) -> Double {
        let step = CompatibilityRules.tempoChange(from: graph.nodes[source].bpm, to: graph.nodes[edge.target].bpm).percent
        let stepCost = tempoStepWeight * step * step
        guard let energy else { return edge.score - stepCost }
        let target = energy.target(at: seconds / objective.targetSeconds, start: seedEnergy)
        return edge.score - stepCost - energyArcWeight * abs(Double(graph.nodes[edge.target].energy) - target) / 9
    }

    private struct Partial {
        var nodes: [Int]
        var edges: [TrackGraph.Edge]
        var scoreSum: Double
        var duration: Double
    }

    /// A partial path grown by one edge, before it is built: its parent's place in the beam.
    private struct Candidate {
        var parent: Int
        var edge: TrackGraph.Edge
        var scoreSum: Double
        var duration: Double
    }

    /// The best path from `seed` (a node index) for `objective`, with `pins` (set position ≥ 1 →
    /// node index) placed where asked: at a pinned position only the pinned track may follow
    /// (through a computed edge when the graph stores none), and pinned tracks appear nowhere
    /// else; a set must be long enough to hold every pin.
    /// - Throws: ``SetGraphError/noPath(_:)`` when not even one transition fits the rules (a
    ///   shorter set is answered when no full-length one fits).
    public func plan(from seed: Int, in graph: TrackGraph, objective: SetObjective, pins: [Int: Int] = [:]) throws(SetGraphError) -> PlannedPath {
        try plans(from: seed, in: graph, objective: objective, pins: pins, count: 1)[0]
    }

    /// Up to `count` good sets from `seed`, best first, each sharing at most `maxShared` of its
    /// tracks (seed and pins aside) with every set before it: the best set, then the best of the
    /// rest that is really different, and so on, from every complete set the beam met. The search
    /// stops growing at `deadline` (uptime nanoseconds) and answers with what it has.
    /// When no path reaches 90 % of the target, the answer is the single best shorter path
    /// (check its `duration`; ``relaxationAdvice(pins:)`` says what to relax).
    /// - Throws: ``SetGraphError/noPath(_:)`` when not even one transition fits the rules.
    public func plans(from seed: Int, in graph: TrackGraph, objective: SetObjective, pins: [Int: Int] = [:], count: Int,
                      maxShared: Double = 0.5, deadline: UInt64? = nil) throws(SetGraphError) -> [PlannedPath] {
        try checkRequest(seed: seed, pins: pins, count: count, in: graph)
        let lastPin = pins.keys.max() ?? 0
        var beam = [Partial(nodes: [seed], edges: [], scoreSum: 0, duration: constraints.playedSeconds(graph.nodes[seed]))]
        var outcome = Outcome()
        var depth = 0
        while !beam.isEmpty && depth < Self.maxDepth {
            if let deadline, DispatchTime.now().uptimeNanoseconds > deadline { break }
            depth += 1
            let candidates = expand(beam, seed: seed, pins: pins, in: graph, objective: objective)
            beam = select(candidates, grownFrom: beam, lastPin: lastPin, count: count, objective: objective, outcome: &outcome)
        }
        if outcome.finished.isEmpty, let fallback = outcome.fallback {
            // Shorter than asked: the best set that fits the rules (the caller says so).
            return [PlannedPath(nodes: fallback.path.nodes, edges: fallback.path.edges, duration: fallback.path.duration, objective: fallback.value)]
        }
        guard !outcome.finished.isEmpty else {
            throw .noPath("no set fits the rules from this seed (not even one transition: \(relaxationAdvice(pins: pins.count)))")
        }
        return diversify(outcome.finished, count: count, maxShared: maxShared, fixed: Set(pins.values).union([seed]))
    }

    /// The deepest a set grows (tracks after the seed).
    private static let maxDepth = 500

    /// What the search met besides the beam: the complete sets (`finished`, best first when one is
    /// asked for) and the longest path met (the best of equal length), answered when no path
    /// reaches 90 % of the target — a DJ who asks for more than the library holds wants all it
    /// holds, not the single best transition the duration penalty would otherwise favour.
    private struct Outcome {
        var finished: [(path: Partial, value: Double)] = []
        var fallback: (path: Partial, value: Double)?
    }

    /// Checks the seed, the pins and the number of alternatives.
    private func checkRequest(seed: Int, pins: [Int: Int], count: Int, in graph: TrackGraph) throws(SetGraphError) {
        guard (1...20).contains(count) else { throw .invalidParameter(InvalidParameter("alternatives", "must be 1…20, got \(count)")) }
        if let error = SetGraphError.outside([seed], of: graph) { throw error }
        guard pins.keys.allSatisfy({ $0 >= 1 && $0 <= 500 }), pins.values.allSatisfy(graph.nodes.indices.contains) else {
            throw .invalidParameter(InvalidParameter("pinned positions", "must be 1…500 (0 is the seed) and name tracks of the library"))
        }
        guard Set(pins.values).count == pins.count, !pins.values.contains(seed) else {
            throw .invalidParameter(InvalidParameter("pins", "may name a track once, and not the seed"))
        }
    }

    /// Every allowed one-track extension of every path in the beam, named by its parent and last
    /// edge (only the ones kept are built as arrays): the pinned track where a position is pinned,
    /// otherwise every successor the rules allow that is not pinned elsewhere.
    private func expand(_ beam: [Partial], seed: Int, pins: [Int: Int], in graph: TrackGraph, objective: SetObjective) -> [Candidate] {
        let pinned = Set(pins.values), seedEnergy = graph.nodes[seed].energy
        var next: [Candidate] = []
        for (parentIndex, partial) in beam.enumerated() {
            let last = partial.nodes[partial.nodes.count - 1]
            let overlap = constraints.overlapSeconds(outgoing: graph.nodes[last])
            func consider(_ edge: TrackGraph.Edge) {
                next.append(Candidate(parent: parentIndex, edge: edge,
                                      scoreSum: partial.scoreSum + stepValue(edge, from: last, startingAt: partial.duration - overlap,
                                                                             seedEnergy: seedEnergy, graph: graph, objective: objective),
                                      duration: partial.duration + constraints.playedSeconds(graph.nodes[edge.target]) - overlap))
            }
            if let pin = pins[partial.nodes.count] {
                if constraints.allowsStep(from: last, to: pin, after: partial.nodes, anchor: seed, in: graph) { consider(graph.edge(from: last, to: pin)) }
            } else {
                for edge in graph.adjacency[last]
                where !pinned.contains(edge.target) && constraints.allows(edge.target, after: partial.nodes, anchor: seed, in: graph) {
                    consider(edge)
                }
            }
        }
        return next
    }

    /// Ranks the candidates best first (ties in the order met; the keys are sorted, not the
    /// candidates), records the complete sets and the fallback in `outcome`, and returns the next
    /// beam: the best `width` candidates still short of the target or of the last pin.
    private func select(_ next: [Candidate], grownFrom beam: [Partial], lastPin: Int, count: Int, objective: SetObjective,
                        outcome: inout Outcome) -> [Partial] {
        var ranked = next.indices.map { (score: next[$0].scoreSum, index: $0) }
        ranked.sort { $0.score > $1.score || ($0.score == $1.score && $0.index < $1.index) }
        func grown(_ candidate: Candidate) -> Partial {
            var path = beam[candidate.parent]
            path.nodes.append(candidate.edge.target)
            path.edges.append(candidate.edge)
            path.scoreSum = candidate.scoreSum
            path.duration = candidate.duration
            return path
        }
        var kept: [Partial] = []
        // Every path in the beam has the same length (one track per depth), so has every candidate.
        let length = (beam.first?.nodes.count ?? 0) + 1, transitions = length - 1
        for (_, rank) in ranked {
            let candidate = next[rank]
            if outcome.finished.isEmpty && length > lastPin {
                let value = objective.value(scoreSum: candidate.scoreSum, transitions: transitions, duration: candidate.duration)
                if outcome.fallback.map({ Self.isLonger(duration: candidate.duration, value: value, than: $0) }) ?? true {
                    outcome.fallback = (grown(candidate), value)
                }
            }
            if objective.isCandidate(duration: candidate.duration) && length > lastPin {
                let value = objective.value(scoreSum: candidate.scoreSum, transitions: transitions, duration: candidate.duration)
                if count > 1 || outcome.finished.isEmpty || value > outcome.finished[0].value {
                    if count == 1 { outcome.finished = [(grown(candidate), value)] } else { outcome.finished.append((grown(candidate), value)) }
                }
            }
            if (candidate.duration < objective.targetSeconds || length <= lastPin) && kept.count < width { kept.append(grown(candidate)) }
        }
        return kept
    }

    /// The best `count` complete sets that differ: each shares at most `maxShared` of its tracks
    /// (besides the `fixed` seed and pins) with every set chosen before it.
    private func diversify(_ finished: [(path: Partial, value: Double)], count: Int, maxShared: Double, fixed: Set<Int>) -> [PlannedPath] {
        var chosen: [(path: Partial, value: Double)] = []
        for candidate in finished.sorted(by: { $0.value > $1.value }) where chosen.count < count {
            let tracks = Set(candidate.path.nodes).subtracting(fixed)
            let distinct = chosen.allSatisfy { other in
                let shared = tracks.intersection(other.path.nodes).count
                return Double(shared) <= maxShared * Double(max(tracks.count, other.path.nodes.count - fixed.count, 1))
            }
            if distinct { chosen.append(candidate) }
        }
        return chosen.map { PlannedPath(nodes: $0.path.nodes, edges: $0.path.edges, duration: $0.path.duration, objective: $0.value) }
    }

    /// Whether a path of `duration` and `value` makes a better shorter-than-asked answer than
    /// `other`: more playing time (by more than a second), then the higher objective.
    private static func isLonger(duration: Double, value: Double, than other: (path: Partial, value: Double)) -> Bool {
        if abs(duration - other.path.duration) > 1 { return duration > other.path.duration }
        return value > other.value
    }

    /// The rules that bound a search and what to relax, for messages.
    public func relaxationAdvice(pins: Int) -> String {
        "tempo step ≤ \(Int(saturating: constraints.maxStepPercent)) %, drift ≤ \(Int(saturating: constraints.maxDriftPercent)) %, key moves: \(constraints.keyRule.rawValue), "
            + "artist spacing \(constraints.artistSpacing)\(pins == 0 ? "" : ", \(pins) pinned"); "
            + "try fewer minutes, a wider drift, a looser key rule\(pins == 0 ? "" : " or other pins")"
    }
}

import DJModel
import Foundation
import Mixing
import SetGraph

/// A track that could take one position of a set, with the transitions it would make.
public struct PositionAlternative: Sendable, Codable, Hashable {
    /// The candidate.
    public var track: DJSet.Entry
    /// Mean score of its transitions from the previous track and into the next (0…1).
    public var score: Double
    /// The transition from the previous track, when there is one.
    public var incoming: Transition?
    /// The transition into the next track, when there is one.
    public var outgoing: Transition?
}

extension Segue {
    /// The `limit` best tracks to play at `position` of `set` instead of the one there: tracks not
    /// in the set that the previous track leads to, or that lead to the next one, in the graph,
    /// within the default tempo step of both neighbours, ranked by the mean score of the two
    /// transitions they would make, each explained and mix-planned as the set's own are.
    /// - Throws: ``SegueError`` for a position outside the set or a set whose tracks left the graph.
    public func alternatives(in set: DJSet, position: Int, limit: Int = 10) throws(SegueError) -> [PositionAlternative] {
        guard set.tracks.indices.contains(position) else {
            throw SegueError(.invalidInput, "position must be 0…\(set.tracks.count - 1), got \(position)")
        }
        guard (1...100).contains(limit) else { throw SegueError(.invalidInput, "limit must be 1…100, got \(limit)") }
        let graph = try loadGraph()
        let nodes = try set.tracks.map { entry throws(SegueError) -> Int in
            guard let node = graph.index(of: entry.id) else { throw SegueError(.notFound, "track \(entry.id) is no longer in the graph") }
            return node
        }
        let previous = position > 0 ? nodes[position - 1] : nil
        let next = position + 1 < nodes.count ? nodes[position + 1] : nil
        var candidates = Set<Int>()
        if let previous { candidates.formUnion(graph.adjacency[previous].map(\.target)) }
        if let next {
            for (source, edges) in graph.adjacency.enumerated() where edges.contains(where: { $0.target == next }) { candidates.insert(source) }
        }
        candidates.subtract(nodes)
        let maxStep = SetConstraints.standard.maxStepPercent
        func reachable(_ from: Int, _ to: Int) -> Bool {
            abs(CompatibilityRules.tempoChange(from: graph.nodes[from].bpm, to: graph.nodes[to].bpm).percent) <= maxStep
        }
        var ranked: [(node: Int, score: Double, incoming: TrackGraph.Edge?, outgoing: TrackGraph.Edge?)] = []
        for candidate in candidates {
            if let previous, !reachable(previous, candidate) { continue }
            if let next, !reachable(candidate, next) { continue }
            let incoming = previous.map { graph.edge(from: $0, to: candidate) }
            let outgoing = next.map { graph.edge(from: candidate, to: $0) }
            let scores = [incoming?.score, outgoing?.score].compactMap { $0 }
            ranked.append((candidate, scores.reduce(0, +) / Double(max(1, scores.count)), incoming, outgoing))
        }
        ranked.sort { ($0.score, graph.nodes[$1.node].id.rawValue) > ($1.score, graph.nodes[$0.node].id.rawValue) }
        // Each transition explained and mix-planned as the set's own (``transition(from:to:edge:planned:)``).
        var analyses: [Int: TrackAnalysis] = [:], decks: [Int: MixTrack] = [:]
        for node in [previous, next].compactMap({ $0 }) {
            let track = try libraryCall { try library.track(id: graph.nodes[node].id) }
            analyses[node] = track?.analysis
            decks[node] = try track.flatMap(mixTrack(for:))
        }
        let mixPlanner = TransitionMixPlanner()
        var result: [PositionAlternative] = []
        for item in ranked.prefix(limit) {
            guard let track = try libraryCall({ try library.track(id: graph.nodes[item.node].id) }), let entry = track.setEntry else { continue }
            analyses[item.node] = track.analysis
            decks[item.node] = try mixTrack(for: track)
            func transition(_ edge: TrackGraph.Edge?, from: Int?, to: Int?) -> Transition? {
                guard let edge, let from, let to else { return nil }
                // Checked from the audio as the set's own transitions are (``document(for:in:kind:seed:constraints:)``).
                let planned = BeatAlignmentCheck.checked(analyses[from].flatMap { a in analyses[to].map { b in mixPlanner.plan(from: a, to: b) } },
                                                         from: decks[from], to: decks[to])
                return Self.transition(from: graph.nodes[from], to: graph.nodes[to], edge: edge, planned: planned)
            }
            result.append(PositionAlternative(track: entry, score: item.score, incoming: transition(item.incoming, from: previous, to: item.node),
                                              outgoing: transition(item.outgoing, from: item.node, to: next)))
        }
        return result
    }

    /// `set` with the track at `position` replaced by the one `query` names: transitions,
    /// explanations and quality computed again (against the set's energy arc and target time).
    /// - Throws: ``SegueError`` for a position outside the set, an unknown track, or a track
    ///   already in the set.
    public func replacing(in set: DJSet, position: Int, with query: String) throws(SegueError) -> DJSet {
        try editing(set, with: [.replace(position: position, track: query)])
    }

    /// `set` after `operations`, applied in order (moves, deletions, insertions, replacements,
    /// pins): transitions, mix plans, explanations and quality computed again, against the set's
    /// energy arc and target time. The result has no id or name (store it to get one).
    /// - Throws: ``SegueError`` `.invalidInput` naming the operation (1 = first) whose position is
    ///   outside the set, whose track is unknown or already in the set, or that would leave fewer
    ///   than two tracks; more than ``SetEdit/maxPerRequest`` operations.
    public func editing(_ set: DJSet, with operations: [SetEdit]) throws(SegueError) -> DJSet {
        guard operations.count <= SetEdit.maxPerRequest else {
            throw SegueError(.invalidInput, "an edit may have at most \(SetEdit.maxPerRequest) operations, got \(operations.count)")
        }
        var order = set.tracks.map { (id: $0.id, pinned: $0.pinned == true) }
        for (offset, operation) in operations.enumerated() {
            let step = "operation \(offset + 1)"
            func check(_ position: Int, allowEnd: Bool = false) throws(SegueError) {
                let last = order.count - (allowEnd ? 0 : 1)
                guard (0...max(0, last)).contains(position), allowEnd || !order.isEmpty else {
                    throw SegueError(.invalidInput, "\(step): position must be 0…\(last), got \(position)")
                }
            }
            func resolve(_ query: String, replacing position: Int?) throws(SegueError) -> TrackID {
                let track: Track
                do { track = try resolveTrack(query, suggestClosest: false) } catch {
                    throw SegueError(error.kind, "\(step): \(error.message)")
                }
                guard !order.enumerated().contains(where: { $0.offset != position && $0.element.id == track.id }) else {
                    throw SegueError(.invalidInput, "\(step): \(track.metadata.displayName) is already in the set")
                }
                return track.id
            }
            switch operation {
            case .move(let from, let to):
                try check(from)
                try check(to)
                order.insert(order.remove(at: from), at: to)
            case .delete(let position):
                try check(position)
                guard order.count > 2 else { throw SegueError(.invalidInput, "\(step): a set keeps at least two tracks") }
                order.remove(at: position)
            case .insert(let position, let query):
                try check(position, allowEnd: true)
                order.insert((try resolve(query, replacing: nil), false), at: position)
            case .replace(let position, let query):
                try check(position)
                order[position] = (try resolve(query, replacing: position), order[position].pinned)
            case .pin(let position, let pinned):
                try check(position)
                order[position].pinned = pinned
            }
        }
        var edited = try rebuilt(set, order: order.map(\.id))
        for index in edited.tracks.indices where order[index].pinned { edited.tracks[index].pinned = true }
        return edited
    }

    /// `set` with its tracks in `order`: the document built again from the graph, measured
    /// against the set's own energy arc and target time (a bridge against its minutes between
    /// the ends).
    func rebuilt(_ set: DJSet, order: [TrackID]) throws(SegueError) -> DJSet {
        let graph = try loadGraph()
        var nodes: [Int] = []
        for id in order {
            guard let node = graph.index(of: id) else { throw SegueError(.notFound, "track \(id) is not in the graph; run `segue graph`") }
            nodes.append(node)
        }
        let edges = zip(nodes, nodes.dropFirst()).map { graph.edge(from: $0, to: $1) }
        var edited = try document(for: PlannedPath(nodes: nodes, edges: edges, duration: 0, objective: 0), in: graph, kind: set.kind, seed: set.seed)
        edited.targetMinutes = set.targetMinutes
        edited.energyTargets = set.energyTargets
        let arc = set.energyTargets.flatMap { targets in
            try? EnergyCurve.custom(points: targets.filter { $0.count == 2 }.map { EnergyCurve.Point(fraction: $0[0], energy: $0[1]) })
        }
        if set.kind == .bridge {
            var quality = Self.quality(of: edited, arc: nil, targetSeconds: nil)
            if let minutes = set.targetMinutes, minutes > 0 {
                quality.durationErrorPercent = Self.bridgeDurationErrorPercent(middle: edited.tracks.dropFirst().dropLast().map(Self.bridgeSeconds),
                                                                               plannedSeconds: minutes * 60)
            }
            edited.quality = quality
        } else {
            edited.quality = Self.quality(of: edited, arc: arc, targetSeconds: set.targetMinutes.map { $0 * 60 })
        }
        return edited
    }
}

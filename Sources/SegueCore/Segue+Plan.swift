import DJModel
import Foundation
import SetGraph

extension Segue {
    /// Plans a set of about `request.minutes` from its seed by beam search over the track graph.
    public func planSet(_ request: SetRequest) throws(SegueError) -> DJSet {
        try PlanLimits.checkMinutes(request.minutes)
        let seed = try resolveTrack(request.seed)
        let graph = try loadGraph()
        guard let start = graph.index(of: seed.id) else { throw SegueError(.notFound, "track \(seed.id) is not in the graph; run `segue graph`") }
        let path: PlannedPath
        do {
            let planner = try BeamSearchPlanner(width: request.beamWidth ?? 64, energyArc: request.energy ?? .flat)
            path = try planner.plan(from: start, in: graph, objective: SetObjective(targetSeconds: request.minutes * 60))
        } catch {
            throw SegueError(error.isUnsatisfiable ? .unsatisfiable : .invalidInput, error.description)
        }
        var set = try document(for: path, in: graph, kind: .set, seed: seed.metadata.displayName)
        set.quality = Self.quality(of: set, arc: request.energy ?? .flat, targetSeconds: request.minutes * 60)
        return set
    }

    /// Plans a bridge from one track to another with about `request.minutes` of music between
    /// them, by A* over the track graph.
    public func planBridge(_ request: BridgeRequest) throws(SegueError) -> DJSet {
        try PlanLimits.checkMinutes(request.minutes)
        let from = try resolveTrack(request.from), to = try resolveTrack(request.to)
        guard from.id != to.id else { throw SegueError(.invalidInput, "a bridge needs two different tracks") }
        let graph = try loadGraph()
        guard let start = graph.index(of: from.id), let goal = graph.index(of: to.id) else {
            throw SegueError(.notFound, "a track is not in the graph; run `segue graph`")
        }
        let path: PlannedPath
        do {
            path = try AStarBridgePlanner().bridge(from: start, to: goal, seconds: request.minutes * 60, in: graph)
        } catch {
            throw SegueError(error.isUnsatisfiable ? .unsatisfiable : .invalidInput, error.description)
        }
        var set = try document(for: path, in: graph, kind: .bridge, seed: from.metadata.displayName)
        var quality = Self.quality(of: set, arc: nil, targetSeconds: nil)
        // A bridge's target is the music between its two ends.
        quality.durationErrorPercent = abs(path.duration - request.minutes * 60) / (request.minutes * 60) * 100
        set.quality = quality
        return set
    }

    /// The quality measures of a set document (see ``SetQualityEvaluator``), against an energy arc
    /// starting from its first track's energy and a target playing time.
    public static func quality(of set: DJSet, arc: EnergyArc?, targetSeconds: Double?) -> DJSet.Quality {
        let items = set.tracks.map { entry in
            SetQualityEvaluator.Item(artist: entry.artist, bpm: entry.bpm, key: MusicalKey(parsing: entry.key) ?? MusicalKey(parsing: entry.camelot)
                                        ?? MusicalKey(tonic: 0, mode: .major), energy: entry.energy, start: entry.start, duration: entry.duration)
        }
        let similarities = set.transitions.map { ($0.components.als + $0.components.content) / 2 }
        return SetQualityEvaluator.measure(items: items, similarities: similarities, arc: arc, targetSeconds: targetSeconds)
    }

    /// The set document of a planned path: entries with start times (consecutive tracks overlap
    /// by the mix length of ``SetConstraints``) and explained transitions.
    func document(for path: PlannedPath, in graph: TrackGraph, kind: DJSet.Kind, seed: String) throws(SegueError) -> DJSet {
        var entries: [DJSet.Entry] = []
        var start = 0.0
        for (position, index) in path.nodes.enumerated() {
            let node = graph.nodes[index]
            guard let track = try db({ try library.track(id: node.id) }) else { throw SegueError(.notFound, "track \(node.id) vanished") }
            entries.append(DJSet.Entry(id: node.id, path: track.path ?? "", artist: track.metadata.artist, title: track.metadata.title,
                                       duration: node.duration, bpm: node.bpm, key: node.key.name, camelot: node.key.camelot,
                                       energy: node.energy, start: start))
            if position + 1 < path.nodes.count { start += node.duration - SetConstraints.standard.overlapSeconds(outgoing: node) }
        }
        let transitions = path.edges.enumerated().map { offset, edge in
            let from = graph.nodes[path.nodes[offset]], to = graph.nodes[path.nodes[offset + 1]]
            return Transition(from: from.id, to: to.id, score: edge.score, components: edge.components,
                              explanation: TransitionExplainer.explain(from: from, to: to, components: edge.components))
        }
        let duration = (entries.last.map { $0.start + $0.duration }) ?? 0
        return DJSet(kind: kind, seed: seed, duration: duration, tracks: entries, transitions: transitions)
    }
}

extension SetGraphError {
    /// Whether the error means "no answer under these rules" rather than a bad parameter.
    var isUnsatisfiable: Bool {
        if case .noPath = self { return true }
        return false
    }
}

import DJModel
import Foundation
import Mixing
import SetGraph

extension Segue {
    /// Plans a set of about `request.minutes` from its seed by beam search over the track graph,
    /// under the request's rules and pins.
    public func planSet(_ request: SetRequest) throws(SegueError) -> DJSet {
        try PlanLimits.checkMinutes(request.minutes)
        try PlanLimits.checkSizes(rules: request.rules, pins: request.pins?.count ?? 0)
        let deadline = PlanLimits.deadline()
        let seed = try resolveTrack(request.seed)
        let graph = try loadGraph()
        guard let start = graph.index(of: seed.id) else { throw SegueError(.notFound, "track \(seed.id) is not in the graph; run `segue graph`") }
        var pins: [Int: Int] = [:]
        for (position, query) in request.pins ?? [:] {
            try PlanLimits.checkDeadline(deadline, doing: "resolving the pinned tracks")
            let track = try resolveTrack(query, suggestClosest: false)
            guard let node = graph.index(of: track.id) else { throw SegueError(.notFound, "pinned track \(query) is not analysed") }
            pins[position] = node
        }
        let constraints = try constraints(for: request.rules, in: graph, deadline: deadline)
        let energy = request.energy ?? .preset(.flat)
        let count = try PlanLimits.checkAlternatives(request.alternatives)
        let paths: [PlannedPath]
        let objective = SetObjective(targetSeconds: request.minutes * 60)
        let planner: BeamSearchPlanner
        let quality = { (path: PlannedPath) in
            SetQualityEvaluator.measure(path, in: graph, constraints: constraints, arc: energy, targetSeconds: request.minutes * 60)
        }
        do {
            planner = try BeamSearchPlanner(width: request.beamWidth ?? 64, constraints: constraints, energy: energy)
            paths = try planner.plans(from: start, in: graph, objective: objective, pins: pins, count: count, deadline: deadline)
        } catch {
            throw SegueError(planning: error)
        }
        var set = try answer(paths, in: graph, kind: .set, seed: seed.metadata.displayName, constraints: constraints, quality: quality)
        set.targetMinutes = request.minutes
        set.energyTargets = (0...20).map { step in
            let fraction = Double(step) / 20
            return [fraction, (energy.target(at: fraction, start: seed.analysis?.energy ?? 5) * 100).rounded() / 100]
        }
        if let first = paths.first, !objective.isCandidate(duration: first.duration) {
            set.note = "only \(Int(saturating: (first.duration / 60).rounded())) of the \(Int(saturating: request.minutes.rounded())) minutes asked for fit the rules "
                + "from this seed (\(planner.relaxationAdvice(pins: pins.count)))"
        }
        return set
    }

    /// Plans a bridge from one track to another with about `request.minutes` of music between
    /// them, by A* over the track graph, under the request's rules.
    public func planBridge(_ request: BridgeRequest) throws(SegueError) -> DJSet {
        try PlanLimits.checkMinutes(request.minutes)
        let tolerance = request.toleranceMinutes ?? 2.5
        guard tolerance.isFinite, (0...60).contains(tolerance) else { throw SegueError(.invalidInput, "tolerance must be 0…60 minutes, got \(tolerance)") }
        try PlanLimits.checkSizes(rules: request.rules)
        let deadline = PlanLimits.deadline()
        let from = try resolveTrack(request.from), to = try resolveTrack(request.to)
        guard from.id != to.id else { throw SegueError(.invalidInput, "a bridge needs two different tracks") }
        let graph = try loadGraph()
        guard let start = graph.index(of: from.id), let goal = graph.index(of: to.id) else {
            throw SegueError(.notFound, "a track is not in the graph; run `segue graph`")
        }
        let constraints = try constraints(for: request.rules, in: graph, deadline: deadline)
        let count = try PlanLimits.checkAlternatives(request.alternatives)
        let found: NearestLengthBridge
        do {
            found = try AStarBridgePlanner(constraints: constraints, toleranceSeconds: tolerance * 60)
                .nearestLengthBridges(from: start, to: goal, seconds: request.minutes * 60, in: graph, count: count, deadline: deadline)
        } catch {
            throw SegueError(planning: error)
        }
        var bridge = try answer(found.paths, in: graph, kind: .bridge, seed: from.metadata.displayName, constraints: constraints) { path in
            var quality = SetQualityEvaluator.measure(path, in: graph, constraints: constraints)
            quality.durationErrorPercent = Self.bridgeDurationErrorPercent(middle: path.nodes.dropFirst().dropLast().map { graph.nodes[$0].bridgeSeconds },
                                                                           plannedSeconds: found.plannedSeconds)
            return quality
        }
        bridge.targetMinutes = found.plannedSeconds / 60
        if let note = found.note {
            bridge.note = note
            bridge.requestedMinutes = request.minutes
        }
        return bridge
    }

    /// A bridge's duration error, percent: the music between its two ends (what the `middle`
    /// tracks fill, each from where it comes in to where the next comes in) against the length
    /// it was planned for.
    /// What a track of a set document fills between its neighbours: from its mix-in cue to its
    /// mix-out cue, or its whole length without them.
    static func bridgeSeconds(_ entry: DJSet.Entry) -> Double {
        let cueIn = entry.cues?.first { $0.kind == .mixIn }?.time ?? 0
        let cueOut = entry.cues?.first { $0.kind == .mixOut }?.time ?? entry.duration
        return max(0, cueOut - cueIn)
    }

    static func bridgeDurationErrorPercent(middle: [Double], plannedSeconds: Double) -> Double {
        guard plannedSeconds > 0 else { return 0 }
        return abs(middle.reduce(0, +) - plannedSeconds) / plannedSeconds * 100
    }

    /// The answer to a request: the first path's set document, with its quality, carrying the
    /// other paths' documents as alternatives.
    private func answer(_ paths: [PlannedPath], in graph: TrackGraph, kind: DJSet.Kind, seed: String, constraints: SetConstraints,
                        quality: (PlannedPath) -> DJSet.Quality) throws(SegueError) -> DJSet {
        var sets: [DJSet] = []
        for path in paths {
            var set = try document(for: path, in: graph, kind: kind, seed: seed, constraints: constraints)
            set.quality = quality(path)
            sets.append(set)
        }
        guard var best = sets.first else { throw SegueError(.unsatisfiable, "the planner returned no path") }
        if sets.count > 1 { best.alternatives = Array(sets.dropFirst()) }
        return best
    }

    /// The planner's constraints for `rules`: numeric bounds checked, excluded tracks and tags
    /// resolved to graph nodes.
    /// - Parameter deadline: uptime nanoseconds by which resolution must be done (the request's budget).
    public func constraints(for rules: PlanRules?, in graph: TrackGraph, deadline: UInt64) throws(SegueError) -> SetConstraints {
        guard let rules else { return .standard }
        try PlanLimits.checkSizes(rules: rules)
        var excluded = Set<Int>()
        for query in rules.exclude ?? [] {
            try PlanLimits.checkDeadline(deadline, doing: "resolving rules.exclude")
            if let node = graph.index(of: try resolveTrack(query, suggestClosest: false).id) { excluded.insert(node) }
        }
        var allowed: Set<Int>?
        let excludeTags = (rules.excludeTags ?? []).map { $0.lowercased() }.filter { !$0.isEmpty }
        let includeTags = (rules.includeTags ?? []).map { $0.lowercased() }.filter { !$0.isEmpty }
        if !excludeTags.isEmpty || !includeTags.isEmpty {
            let tracks = try libraryCall { try library.analysedTracks() }
            if !includeTags.isEmpty { allowed = [] }
            for track in tracks {
                guard let node = graph.index(of: track.id) else { continue }
                let text = [track.metadata.genre, track.metadata.album, track.metadata.comment].joined(separator: " ").lowercased()
                if excludeTags.contains(where: text.contains) { excluded.insert(node) }
                if includeTags.contains(where: text.contains) { allowed?.insert(node) }
            }
        }
        do {
            return try SetConstraints(artistSpacing: rules.artistSpacing ?? 3, maxStepPercent: rules.maxStepPercent ?? 8,
                                      maxDriftPercent: rules.maxDriftPercent ?? 10, albumSpacing: rules.albumSpacing ?? 0,
                                      keyRule: rules.keyRule ?? .any, keyLock: rules.keyLock ?? true,
                                      allowHalfDoubleTime: rules.halfDoubleTime ?? true, excluded: excluded, allowed: allowed)
        } catch {
            throw SegueError(planning: error)
        }
    }

    /// The set document of a planned path: every transition's mix planned from the two tracks'
    /// analyses (cues, overlap, technique, tempo) and explained, each track's cues, and start
    /// times from the mix points (each track starts at the previous one's out cue; without
    /// analyses, the rules' overlap before the previous one ends), as the planners count them.
    func document(for path: PlannedPath, in graph: TrackGraph, kind: DJSet.Kind, seed: String,
                  constraints: SetConstraints = .standard) throws(SegueError) -> DJSet {
        // Every track of the set in one read (a set holds at most a few hundred).
        var tracks: [TrackID: Track] = [:]
        for chunk in stride(from: 0, to: path.nodes.count, by: 500) {
            let ids = path.nodes[chunk..<min(path.nodes.count, chunk + 500)].map { graph.nodes[$0].id }
            tracks.merge(try libraryCall { try library.tracks(ids: ids) }) { first, _ in first }
        }
        let mixPlanner = TransitionMixPlanner()
        let analyses = path.nodes.map { tracks[graph.nodes[$0].id]?.analysis }
        let planned = zip(analyses, analyses.dropFirst()).map { pair -> (mix: TransitionMix, explanation: String)? in
            guard let from = pair.0, let to = pair.1 else { return nil }
            return mixPlanner.plan(from: from, to: to)
        }
        // The self-check, wherever both files are at hand: do the decks' beats meet?
        let decks = try path.nodes.map { node throws(SegueError) in try tracks[graph.nodes[node].id].flatMap(mixTrack(for:)) }
        let mixes = planned.enumerated().map { index, item in BeatAlignmentCheck.checked(item, from: decks[index], to: decks[index + 1]) }
        var entries: [DJSet.Entry] = []
        var start = 0.0
        for (position, index) in path.nodes.enumerated() {
            let node = graph.nodes[index]
            guard let track = tracks[node.id] else { throw SegueError(.notFound, "track \(node.id) vanished") }
            let incoming = position > 0 ? mixes[position - 1]?.mix : nil
            let outgoing = position < mixes.count ? mixes[position]?.mix : nil
            entries.append(DJSet.Entry(id: node.id, path: track.path ?? "", artist: track.metadata.artist, title: track.metadata.title,
                                       duration: node.duration, bpm: node.bpm, key: node.key,
                                       energy: node.energy, start: start, album: track.metadata.album.nilIfEmpty,
                                       genre: track.metadata.genre.nilIfEmpty, firstBeat: track.analysis?.tempo.firstBeat,
                                       cues: track.analysis.map { Self.cues(of: $0, node: node, incoming: incoming, outgoing: outgoing) },
                                       downbeat: track.analysis?.structure?.downbeat))
            if position + 1 < path.nodes.count {
                start += constraints.playedSeconds(node) - constraints.overlapSeconds(outgoing: node)
            }
        }
        let transitions = path.edges.enumerated().map { offset, edge in
            Self.transition(from: graph.nodes[path.nodes[offset]], to: graph.nodes[path.nodes[offset + 1]], edge: edge, planned: mixes[offset])
        }
        let duration = path.nodes.last.map { start + constraints.playedSeconds(graph.nodes[$0]) } ?? 0
        return DJSet(kind: kind, seed: seed, duration: duration, tracks: entries, transitions: transitions)
    }

    /// The transition `edge` makes from `from` to `to` as a set document writes it: the pair in
    /// a DJ's words (keys, tempi, why they fit) and, when its mix is `planned`, how to play it.
    static func transition(from: TrackNode, to: TrackNode, edge: TrackGraph.Edge,
                           planned: (mix: TransitionMix, explanation: String)?) -> Transition {
        var explanation = TransitionExplainer.explain(from: from, to: to, components: edge.components)
        if let planned { explanation += ". " + planned.explanation.prefix(1).uppercased() + planned.explanation.dropFirst() }
        return Transition(from: from.id, to: to.id, score: edge.score, components: edge.components, explanation: explanation, mix: planned?.mix)
    }

    /// A track's cues in a set: its first downbeat (load), where it comes in (the incoming mix's
    /// in cue, or its own for the first track), where the next comes in (the outgoing mix's out
    /// cue, or its own outro for the last track) and its first main part (drop), in time order.
    static func cues(of analysis: TrackAnalysis, node: TrackNode, incoming: TransitionMix?, outgoing: TransitionMix?) -> [TrackCue] {
        var cues = [TrackCue(name: "Load", kind: .load, time: max(0, analysis.structure?.downbeat ?? analysis.tempo.firstBeat)),
                    TrackCue(name: "Mix in", kind: .mixIn, time: incoming?.inCue ?? node.cueIn)]
        if let outgoing {
            cues.append(TrackCue(name: "Mix out (\(outgoing.technique.rawValue))", kind: .mixOut, time: outgoing.outCue))
        } else if let cueOut = node.cueOut {
            cues.append(TrackCue(name: "Mix out", kind: .mixOut, time: cueOut))
        }
        if let drop = analysis.structure?.sections.first(where: { $0.label == .main }) {
            cues.append(TrackCue(name: "Drop", kind: .drop, time: drop.start))
        }
        return cues.sorted { $0.time < $1.time }
    }

    /// The quality measures of a set document (see ``SetQualityEvaluator``), against an energy arc
    /// starting from its first track's energy and a target playing time, artist repeats counted
    /// within `artistSpacing` tracks (the planners' default unless the set was planned with another).
    public static func quality(of set: DJSet, arc: EnergyCurve?, targetSeconds: Double?,
                               artistSpacing: Int = SetConstraints.standard.artistSpacing) -> DJSet.Quality {
        let items = set.tracks.map { entry in
            SetQualityEvaluator.Item(artist: entry.artist, bpm: entry.bpm, key: entry.key ?? MusicalKey(tonic: 0, mode: .major), energy: entry.energy,
                                     start: entry.start, duration: entry.duration - (entry.cues?.first { $0.kind == .mixIn }?.time ?? 0))
        }
        let similarities = set.transitions.map { ($0.components.als + $0.components.content) / 2 }
        return SetQualityEvaluator.measure(items: items, similarities: similarities, arc: arc, targetSeconds: targetSeconds,
                                           artistSpacing: artistSpacing)
    }
}

extension SetGraphError {
    /// Whether the error means "no answer under these rules" rather than a bad parameter.
    var isUnsatisfiable: Bool {
        if case .noPath = self { return true }
        return false
    }
}

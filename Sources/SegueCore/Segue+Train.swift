import DJModel
import Embedding
import Foundation
import Library
import Mixing
import Recommender
import SetGraph

/// What training did.
public struct TrainReport: Sendable, Hashable {
    /// Tracklists used.
    public var tracklists: Int
    /// Tracks with ALS factors.
    public var tracksWithFactors: Int
    /// Analysed tracks with content vectors.
    public var tracksWithContent: Int
    /// The content space: `ridge` or `network` (audio mapped into the ALS space), or
    /// `standardised features` when too few tracks have both audio and tracklist data.
    public var contentModel: String = "standardised features"
    /// Why the content space is not the ALS space, when it is not.
    public var contentModelNote: String?
    /// The cold-start model's validation report, when one was fitted.
    public var embedding: ContentEmbeddingTrainer.Report?
    /// The cold-start check (held-out tracks' ALS neighbours found from audio), when there were
    /// enough tracks.
    public var coldStart: ColdStartEvaluation?
    /// Seconds spent fitting ALS.
    public var alsSeconds: Double
    /// Who fitted ALS: `segue` or `spark (MASTER)`.
    public var engine = "segue"
    /// Edges stored in the graph.
    public var edges: Int
}

extension TrainReport {
    /// A report of a training run that has done nothing yet.
    public init() { self.init(tracklists: 0, tracksWithFactors: 0, tracksWithContent: 0, alsSeconds: 0, edges: 0) }
}

extension Segue {
    /// Learns ALS factors from the stored tracklists (sets × tracks), standardises the content
    /// features of analysed tracks, and rebuilds the track graph.
    ///
    /// With no tracklists, ALS is skipped and the graph uses content, tempo, key and energy only.
    public func train(options: TrainingOptions, progress: ProgressHandler? = nil) throws(SegueError) -> TrainReport {
        let lists = try libraryCall { try library.tracklists() }.filter { !$0.trackIds.isEmpty }
        var report = TrainReport(tracklists: lists.count, tracksWithFactors: 0, tracksWithContent: 0, alsSeconds: 0, edges: 0)
        // The stored content space belongs to the old factors: drop it before they change.
        try libraryCall { try library.setSetting(Self.contentModelSetting, "") }
        if !lists.isEmpty {
            progress?(.stage(name: "als", total: options.als.iterations))
            var columnOf: [TrackID: Int] = [:], items: [TrackID] = []
            var triplets: [(row: Int, column: Int, value: Float)] = []
            for (row, list) in lists.enumerated() {
                for id in list.trackIds {
                    let column = columnOf[id] ?? { items.append(id); columnOf[id] = items.count - 1; return items.count - 1 }()
                    triplets.append((row, column, 1))
                }
            }
            var factors: [TrackID: [Float]] = [:]
            switch options.engine {
            case .native:
                let model: ImplicitALS.Model
                do {
                    let matrix = try SparseMatrix(rowCount: lists.count, columnCount: items.count, triplets: triplets)
                    model = try ImplicitALS(configuration: options.als).fit(matrix) { done, total in
                        progress?(.step(name: "als", done: done, total: total, item: "iteration \(done)"))
                    }
                } catch {
                    throw SegueError.wrap(error, as: .unsatisfiable)
                }
                for (column, id) in items.enumerated() { factors[id] = model.itemFactors.row(column) }
                report.alsSeconds = model.fitSeconds
            case .spark(let spark):
                let fitted = try SparkEngine(options: spark).fit(triplets: triplets, configuration: options.als)
                for (column, id) in items.enumerated() { if let vector = fitted.factors[column] { factors[id] = vector } }
                report.alsSeconds = fitted.seconds
                report.engine = "spark (\(spark.master))"
            }
            try libraryCall { try library.replaceFactors(kind: .als, factors) }
            report.tracksWithFactors = factors.count
            progress?(.stageFinished(name: "als", summary: String(format: "%d sets × %d tracks in %.2f s", lists.count, items.count, report.alsSeconds)))
        } else {
            try libraryCall { try library.replaceFactors(kind: .als, [:]) }
        }
        let analysed = try libraryCall { try library.analysedTracks() }
        guard !analysed.isEmpty else { throw SegueError(.unsatisfiable, "no analysed tracks to train on; run `segue scan DIR` first") }
        try trainContentSpace(analysed: analysed, report: &report, progress: progress)
        report.edges = try buildGraph(neighbors: options.neighbors, threads: options.als.threads, progress: progress)
        return report
    }

    /// Rebuilds the k-nearest track graph from the stored analyses and vectors.
    /// - Returns: the number of edges stored.
    @discardableResult
    public func buildGraph(neighbors: Int = 24, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                           weights: TransitionWeights? = nil, progress: ProgressHandler? = nil) throws(SegueError) -> Int {
        if let weights {
            do { try libraryCall { try library.setSetting(Self.weightsSetting, String(decoding: try JSONEncoder().encode(weights), as: UTF8.self)) } } catch {
                throw SegueError(.ioFailure, "could not store the transition weights: \(error)")
            }
        }
        let scorer = TransitionScorer(weights: try storedWeights())
        progress?(.stage(name: "graph", total: 0))
        var clock = Date()
        func lap() -> Double { let now = Date(); defer { clock = now }; return now.timeIntervalSince(clock) }
        let nodes = try graphNodes()
        let loadSeconds = lap()
        let table: SuccessorTable
        do { table = try TrackGraph.successorTable(nodes: nodes, scorer: scorer, neighbors: neighbors, threads: max(1, min(256, threads))) } catch {
            throw SegueError.wrap(error, as: .invalidInput)
        }
        let buildSeconds = lap()
        // Scores and components are computed a block of sources at a time (on every worker) as
        // they are stored: a million tracks' edges are never all in memory at once.
        var edgeCount = 0
        var block = EdgeBlock(first: 0, rows: [])
        try libraryCall {
            try library.replaceGraph(sources: nodes.count) { source in
                if !block.holds(source) {
                    block = EdgeBlock(sources: source..<min(nodes.count, source + 8_192), table: table, nodes: nodes, scorer: scorer,
                                      threads: max(1, min(256, threads)))
                }
                let edges = block.edges(of: source)
                edgeCount += edges.count
                return (nodes[source].id, edges)
            }
        }
        progress?(.stageFinished(name: "graph", summary: "\(nodes.count) tracks, \(edgeCount) edges "
            + String(format: "(loaded in %.1f s, scored in %.1f s, stored in %.1f s)", loadSeconds, buildSeconds, lap())))
        return edgeCount
    }

    /// Planner nodes for every analysed track, with their stored vectors and the cues the
    /// transition plans use (so the planners count the minutes the set document will show). A track scanned after
    /// training gets its content vector from the stored content space; before any training,
    /// content vectors are the raw features.
    public func graphNodes() throws(SegueError) -> [TrackNode] {
        let analysed = try libraryCall { try library.analysedTracks() }
        let als = try libraryCall { try library.factors(kind: .als) }
        let content = try libraryCall { try library.factors(kind: .content) }
        let space = try storedContentSpace()
        let mixPlanner = TransitionMixPlanner()
        return analysed.compactMap { track in
            guard let analysis = track.analysis else { return nil }
            let cues = mixPlanner.cues(of: analysis)
            return TrackNode(id: track.id, artist: track.metadata.artist, duration: analysis.duration, bpm: analysis.tempo.bpm,
                             key: analysis.key, energy: analysis.energy, alsVector: als[track.id],
                             contentVector: content[track.id] ?? space?.vector(for: Self.contentInput(analysis)) ?? analysis.features.values,
                             album: track.metadata.album, cueIn: cues.inCue, cueOut: cues.outCue)
        }
    }

    /// Library setting holding the transition weights the graph was built with (JSON).
    static let weightsSetting = LibrarySetting.transitionWeights

    /// The transition weights of the stored graph (the defaults until `graph --weights` sets others).
    /// - Throws: ``SegueError`` `.ioFailure` naming the setting and the repair when the stored
    ///   weights cannot be read (never silently the defaults: the graph was built with others).
    public func storedWeights() throws(SegueError) -> TransitionWeights {
        guard let json = try libraryCall({ try library.setting(Self.weightsSetting) }), !json.isEmpty else { return .standard }
        do { return try JSONDecoder().decode(TransitionWeights.self, from: Data(json.utf8)) } catch {
            throw SegueError(.ioFailure, "the library's stored transition weights (setting '\(Self.weightsSetting.rawValue)') are unreadable "
                + "(\(DecodingProblem.summary(of: error))); store new ones and rebuild the graph with `segue graph --weights bpm=0.5` "
                + "(any subset of als, content, bpm, key, energy; the rest take their defaults)")
        }
    }

    /// The stored graph (built first if it is empty), kept in memory until the library's
    /// planning revision moves (a scan, training, a new graph or new weights): the server plans
    /// every request on the same loaded graph.
    public func loadGraph() throws(SegueError) -> TrackGraph {
        let revision = try libraryCall { try library.planningRevision() }
        if let cached = graphCache.withLock({ $0 }), cached.revision == revision { return cached.graph }
        let graph = try readGraph()
        // The revision read before loading: a change during the load makes the next call reload.
        graphCache.withLock { $0 = (revision, graph) }
        return graph
    }

    /// Reads the stored graph (building it first when it is empty).
    private func readGraph() throws(SegueError) -> TrackGraph {
        var stored = try libraryCall { try library.graphEdges() }
        if stored.isEmpty {
            try buildGraph()
            stored = try libraryCall { try library.graphEdges() }
        }
        let nodes = try graphNodes()
        guard !nodes.isEmpty else { throw SegueError(.unsatisfiable, "the library has no analysed tracks; run `segue scan DIR` first") }
        var index: [TrackID: Int] = [:]
        for (position, node) in nodes.enumerated() { index[node.id] = position }
        var adjacency = [[TrackGraph.Edge]](repeating: [], count: nodes.count)
        for edge in stored {
            guard let source = index[edge.source], let target = index[edge.target] else { continue }
            adjacency[source].append(TrackGraph.Edge(target: target, score: edge.score, components: Transition.Components(
                als: edge.als, content: edge.content, bpm: edge.bpm, key: edge.key, energy: edge.energy)))
        }
        for source in adjacency.indices { adjacency[source].sort { $0.score > $1.score } }
        return TrackGraph(nodes: nodes, adjacency: adjacency, scorer: TransitionScorer(weights: try storedWeights()))
    }
}

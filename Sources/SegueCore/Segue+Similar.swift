import DJModel
import Foundation
import Recommender
import SetGraph

/// What ranks the neighbours of ``Segue/similarTracks(to:by:limit:)`` (the API's and CLI's `by`).
public enum NeighbourRanking: String, Sendable, Codable, CaseIterable {
    /// Cosine of ALS factors: tracks played together in DJ sets.
    case als
    /// Cosine of content vectors: tracks that sound alike (works for tracks without tracklists).
    case content
    /// The transition score the planner uses (ALS, content, tempo, key, energy).
    case combined
}

/// One similar track with its scores.
public struct SimilarTrack: Sendable, Codable, Hashable {
    /// The track as the set document shows it.
    public var track: DJSet.Entry
    /// The score that ranked it (0…1).
    public var score: Double
    /// Every component (0…1), whatever ranked it: ALS (0.5 when either track has no factors),
    /// content, tempo, key and energy compatibility.
    public var components: Transition.Components
}

extension Segue {
    /// The `limit` tracks most similar to the one `query` names (id, path or "Artist - Title"),
    /// best first, ranked `by` ALS, content or the combined transition score, among the tracks
    /// `filter` lets through (key, tempo, genre, energy relative to the seed).
    /// - Throws: ``SegueError`` (not found, invalid limit, ALS asked for a track without factors,
    ///   or a key or genre rule for a seed without a key or a genre).
    public func similarTracks(to query: String, by kind: NeighbourRanking = .combined, limit: Int = 10,
                              filter: SimilarFilter = SimilarFilter()) throws(SegueError) -> [SimilarTrack] {
        guard (1...500).contains(limit) else { throw SegueError(.invalidInput, "limit must be 1…500, got \(limit)") }
        let seed = try resolveTrack(query)
        let nodes = try graphNodes()
        guard let seedNode = nodes.first(where: { $0.id == seed.id }) else {
            throw SegueError(.notFound, "track \(seed.id) has no analysis")
        }
        if kind == .als && seedNode.alsVector == nil {
            throw SegueError(.invalidInput, "'\(seed.metadata.artist) - \(seed.metadata.title)' appears in no imported tracklist, so it has "
                             + "no ALS factors; use --by content or --by combined")
        }
        let seedName = "'\(seed.metadata.artist) - \(seed.metadata.title)'"
        if filter.key != .any && seed.analysis?.key == nil {
            throw SegueError(.invalidInput, "\(seedName) has no key, so key=\(filter.key.rawValue) cannot apply; use key=any", field: "key")
        }
        if filter.genre != .any && SimilarFilter.normalised(seed.metadata.genre).isEmpty {
            throw SegueError(.invalidInput, "\(seedName) has no genre tag, so genre=\(filter.genre.rawValue) cannot apply; use genre=any",
                             field: "genre")
        }
        let tracks = try libraryCall { try library.allTracks() }
        let byId = Dictionary(tracks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let scorer = TransitionScorer(weights: try storedWeights())
        var scored: [(node: TrackNode, score: Double, components: Transition.Components)] = []
        for node in nodes where node.id != seed.id {
            if kind == .als && node.alsVector == nil { continue }
            if !filter.isOpen {
                guard let track = byId[node.id], let analysis = track.analysis, let seedAnalysis = seed.analysis,
                      filter.admits(bpm: analysis.tempo.bpm, key: analysis.key, genre: track.metadata.genre, energy: analysis.energy,
                                    seedBPM: seedAnalysis.tempo.bpm, seedKey: seedAnalysis.key, seedGenre: seed.metadata.genre) else { continue }
            }
            let (combined, components) = scorer.score(from: seedNode, to: node)
            let score: Double
            switch kind {
            case .als: score = components.als
            case .content: score = components.content
            case .combined: score = combined
            }
            scored.append((node, score, components))
        }
        scored.sort { $0.score > $1.score || ($0.score == $1.score && $0.node.id < $1.node.id) }
        return scored.prefix(limit).compactMap { item in
            guard let entry = byId[item.node.id]?.setEntry else { return nil }
            return SimilarTrack(track: entry, score: item.score, components: item.components)
        }
    }
}

extension Track {
    /// The track as the set document shows it (start 0), or `nil` when not analysed.
    public var setEntry: DJSet.Entry? {
        guard let analysis else { return nil }
        return DJSet.Entry(id: id, path: path ?? "", artist: metadata.artist, title: metadata.title, duration: analysis.duration,
                           bpm: analysis.tempo.bpm, key: analysis.key, energy: analysis.energy, start: 0,
                           album: metadata.album.nilIfEmpty, genre: metadata.genre.nilIfEmpty, firstBeat: analysis.tempo.firstBeat,
                           downbeat: analysis.structure?.downbeat)
    }
}

/// Hard rules every planned set obeys.
public struct SetConstraints: Sendable, Hashable, Codable {
    /// No artist twice within this many consecutive tracks (0 disables; default 3).
    public var artistSpacing: Int
    /// Largest tempo change between consecutive tracks, percent (half/double time counted; default 8).
    public var maxStepPercent: Double
    /// Largest tempo distance from the first track, percent (half/double time counted; default 10).
    public var maxDriftPercent: Double
    /// Beats of the outgoing track during which the next one already plays (the mix), 0…128
    /// (default 32, eight bars); capped at a third of the outgoing track.
    public var overlapBeats: Double

    /// Checks and stores the rules.
    public init(artistSpacing: Int = 3, maxStepPercent: Double = 8, maxDriftPercent: Double = 10,
                overlapBeats: Double = 32) throws(SetGraphError) {
        guard (0...50).contains(artistSpacing) else { throw .invalidParameter("artist spacing must be 0…50 tracks") }
        guard maxStepPercent > 0, maxDriftPercent > 0 else { throw .invalidParameter("tempo bounds must be positive percentages") }
        guard (0...128).contains(overlapBeats) else { throw .invalidParameter("overlap must be 0…128 beats") }
        self.artistSpacing = artistSpacing
        self.maxStepPercent = maxStepPercent
        self.maxDriftPercent = maxDriftPercent
        self.overlapBeats = overlapBeats
    }

    /// The defaults.
    public static let standard = try! SetConstraints()

    /// Whether `candidate` may follow `path` (indices into `graph.nodes`), with `anchor` the
    /// node whose tempo bounds the drift.
    func allows(_ candidate: Int, after path: [Int], anchor: Int, in graph: TrackGraph) -> Bool {
        guard let last = path.last, !path.contains(candidate) else { return false }
        let nodes = graph.nodes
        let step = CompatibilityRules.tempoChange(from: nodes[last].bpm, to: nodes[candidate].bpm)
        guard abs(step.percent) <= maxStepPercent else { return false }
        let drift = CompatibilityRules.tempoChange(from: nodes[anchor].bpm, to: nodes[candidate].bpm)
        guard abs(drift.percent) <= maxDriftPercent else { return false }
        let artist = nodes[candidate].artist
        if artistSpacing > 0 && !artist.isEmpty {
            for previous in path.suffix(artistSpacing) where nodes[previous].artist == artist { return false }
        }
        return true
    }

    /// Seconds by which the incoming track starts before the outgoing one ends.
    public func overlapSeconds(outgoing node: TrackNode) -> Double {
        guard node.bpm > 0 else { return 0 }
        return min(overlapBeats * 60 / node.bpm, node.duration / 3)
    }
}

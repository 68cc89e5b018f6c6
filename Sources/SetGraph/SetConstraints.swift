import DJModel

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
    /// Allowed key moves (default: any; the key still weighs in the score).
    public var keyRule: KeyMoveRule
    /// Whether the DJ plays with key lock (default true). Without it, a track played faster or
    /// slower to match the tempo is heard transposed (``KeyMoveRule/heardKey(_:trackBPM:playedBPM:)``),
    /// and the key rule applies to the heard keys.
    public var keyLock: Bool
    /// Whether half/double-time transitions (87 ↔ 174 BPM) are allowed (default true).
    public var allowHalfDoubleTime: Bool
    /// No album (or label) twice within this many consecutive tracks (0 disables; default 0).
    public var albumSpacing: Int
    /// Tracks never to play (node indices).
    public var excluded: Set<Int>
    /// When set, the only tracks a set may use besides its seed, pinned tracks and a bridge's ends.
    public var allowed: Set<Int>?

    /// Checks and stores the rules.
    public init(artistSpacing: Int = 3, maxStepPercent: Double = 8, maxDriftPercent: Double = 10,
                overlapBeats: Double = 32, albumSpacing: Int = 0, keyRule: KeyMoveRule = .any, keyLock: Bool = true, allowHalfDoubleTime: Bool = true,
                excluded: Set<Int> = [], allowed: Set<Int>? = nil) throws(SetGraphError) {
        guard (0...50).contains(artistSpacing), (0...50).contains(albumSpacing) else {
            throw .invalidParameter(InvalidParameter("artist and album spacing", "must be 0…50 tracks"))
        }
        guard maxStepPercent > 0, maxDriftPercent > 0, maxStepPercent <= 50, maxDriftPercent <= 100 else {
            throw .invalidParameter(InvalidParameter("tempo bounds", "must be positive percentages (step ≤ 50, drift ≤ 100)"))
        }
        guard maxStepPercent <= maxDriftPercent * 2 else {
            throw .invalidParameter(InvalidParameter("tempo step", "of \(maxStepPercent) % cannot be taken within a drift of \(maxDriftPercent) %"))
        }
        guard (0...128).contains(overlapBeats) else { throw .invalidParameter(InvalidParameter("overlap", "must be 0…128 beats")) }
        if let allowed, excluded.isSuperset(of: allowed) {
            throw .invalidParameter(InvalidParameter("include list", allowed.isEmpty ? "matches no track" : "names only tracks that are also excluded"))
        }
        self.artistSpacing = artistSpacing
        self.maxStepPercent = maxStepPercent
        self.maxDriftPercent = maxDriftPercent
        self.overlapBeats = overlapBeats
        self.albumSpacing = albumSpacing
        self.keyRule = keyRule
        self.keyLock = keyLock
        self.allowHalfDoubleTime = allowHalfDoubleTime
        self.excluded = excluded
        self.allowed = allowed
    }

    /// The defaults.
    public static let standard = try! SetConstraints()

    /// Whether `candidate` may follow `path` (indices into `graph.nodes`), with `anchor` the
    /// node whose tempo bounds the drift.
    func allows(_ candidate: Int, after path: [Int], anchor: Int, in graph: TrackGraph) -> Bool {
        allows(candidate, after: path, drift: .track(anchor), in: graph)
    }

    /// Whether `candidate` may follow `path`, with the drift measured from `drift`.
    func allows(_ candidate: Int, after path: [Int], drift: DriftReference, in graph: TrackGraph) -> Bool {
        guard let last = path.last, !path.contains(candidate), isUsable(candidate) else { return false }
        return allowsStep(from: last, to: candidate, after: path, drift: drift, in: graph)
    }

    /// Whether the include/exclude lists let a set use `node`.
    func isUsable(_ node: Int) -> Bool { !excluded.contains(node) && (allowed?.contains(node) ?? true) }

    /// The rules of one step, without the include/exclude lists (pinned tracks and a bridge's
    /// goal are the user's choice and bypass them).
    func allowsStep(from last: Int, to candidate: Int, after path: [Int], anchor: Int, in graph: TrackGraph) -> Bool {
        allowsStep(from: last, to: candidate, after: path, drift: .track(anchor), in: graph)
    }

    /// Whether a step from tempo `from` to tempo `to` keeps within the step bound and the
    /// half/double-time rule.
    func allowsTempoStep(from: Double, to: Double) -> Bool {
        let step = CompatibilityRules.tempoChange(from: from, to: to)
        return abs(step.percent) <= maxStepPercent && (allowHalfDoubleTime || !step.halfOrDouble)
    }

    /// The rules of one step with the drift measured from `drift`.
    func allowsStep(from last: Int, to candidate: Int, after path: [Int], drift: DriftReference, in graph: TrackGraph) -> Bool {
        guard !path.contains(candidate) else { return false }
        let from = graph.nodes[last].bpm, to = graph.nodes[candidate].bpm
        guard allowsTempoStep(from: from, to: to) else { return false }
        if keyRule != .any {
            // Without key lock the incoming track is heard pitched to the outgoing track's tempo.
            let key = graph.nodes[candidate].key
            let heard = keyLock ? key : KeyMoveRule.heardKey(key, trackBPM: to, playedBPM: from)
            guard keyRule.allows(from: graph.nodes[last].key, to: heard) else { return false }
        }
        guard drift.percent(to: to, in: graph) <= maxDriftPercent else { return false }
        // Artists and albums compared by the graph's interned numbers (0: unknown).
        if artistSpacing > 0 {
            let artist = graph.artistNumbers[candidate]
            if artist != 0 { for previous in path.suffix(artistSpacing) where graph.artistNumbers[previous] == artist { return false } }
        }
        if albumSpacing > 0 {
            let album = graph.albumNumbers[candidate]
            if album != 0 { for previous in path.suffix(albumSpacing) where graph.albumNumbers[previous] == album { return false } }
        }
        return true
    }

    /// Seconds by which the incoming track starts before the outgoing one ends: from the
    /// outgoing track's out cue to its end when it has one, else the rules' overlap (at most a
    /// third of the track).
    public func overlapSeconds(outgoing node: TrackNode) -> Double {
        if let cueOut = node.cueOut { return node.duration - cueOut }
        guard node.bpm > 0 else { return 0 }
        return min(overlapBeats * 60 / node.bpm, node.duration / 3)
    }

    /// Seconds a track plays in a set when nothing follows it: from its in cue to its end.
    /// Playing time is counted as the first track's ``playedSeconds(_:)``, then for each next
    /// track its ``playedSeconds(_:)`` less the previous track's ``overlapSeconds(outgoing:)``.
    public func playedSeconds(_ node: TrackNode) -> Double { node.duration - node.cueIn }
}

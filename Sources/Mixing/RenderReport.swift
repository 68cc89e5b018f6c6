import DJModel

/// What a render produced and measured.
public struct RenderReport: Hashable, Sendable, Codable {
    /// One track's levels.
    public struct TrackLevel: Hashable, Sendable, Codable {
        /// "Artist – Title".
        public var name: String
        /// Its loudness in its file over the part played, LUFS (`nil` for silence).
        public var sourceLoudness: Double?
        /// The gain applied to match the target, dB.
        public var gainDB: Double
        /// Its loudness in the mix over its solo part, LUFS (`nil` when too short to measure).
        public var mixLoudness: Double?
    }

    /// One transition's place in the mix.
    public struct TransitionSpan: Hashable, Sendable, Codable {
        /// 1-based number.
        public var number: Int
        /// How it is mixed.
        public var technique: String
        /// Where the incoming deck starts, seconds into the output file.
        public var overlapStart: Double
        /// Where the outgoing deck has gone, seconds into the output file.
        public var overlapEnd: Double
        /// Tempo at the overlap's start and end, BPM.
        public var tempoFrom: Double
        /// Tempo at its end, BPM.
        public var tempoTo: Double
        /// What the self-check measured from the audio before the overlap and what was done
        /// (`nil` when it did not run: not a beat-matched overlap, or audio that could not be read).
        public var alignment: BeatAlignment?
    }

    /// The output file.
    public var path: String
    /// Its length, seconds.
    public var duration: Double
    /// Per track, in play order.
    public var tracks: [TrackLevel]
    /// The transitions, in the output file's time.
    public var transitions: [TransitionSpan]
    /// The mix's true peak, dBTP.
    public var truePeak: Double?
    /// Seconds the render took.
    public var elapsed: Double
}

/// How far a render has got.
public struct RenderProgress: Hashable, Sendable {
    /// What it is doing: `measuring` the tracks' loudness, then `mixing`.
    public var stage: String
    /// Units done (tracks when measuring, output seconds when mixing).
    public var done: Int
    /// Units in all.
    public var total: Int
}

/// The move from one track to the next, with the score that chose it and a sentence for the DJ.
public struct Transition: Hashable, Sendable, Codable {
    /// The parts of a transition score, each in 0…1 (1 = perfect).
    public struct Components: Hashable, Sendable, Codable {
        /// Cosine of the tracks' ALS factors (co-occurrence in DJ sets), mapped to 0…1.
        public var als: Double
        /// Cosine of the tracks' content vectors, mapped to 0…1.
        public var content: Double
        /// Tempo compatibility.
        public var bpm: Double
        /// Key compatibility on the Camelot wheel.
        public var key: Double
        /// Energy step compatibility.
        public var energy: Double

        /// Creates components.
        public init(als: Double, content: Double, bpm: Double, key: Double, energy: Double) {
            self.als = als
            self.content = content
            self.bpm = bpm
            self.key = key
            self.energy = energy
        }
    }

    /// The outgoing track.
    public var from: TrackID
    /// The incoming track.
    public var to: TrackID
    /// The weighted score, 0…1.
    public var score: Double
    /// The score's parts.
    public var components: Components
    /// A sentence a DJ understands: why the pair fits, then how to mix it.
    public var explanation: String
    /// How the transition is played (cues, overlap, technique, tempo); absent in documents
    /// written before mixes were planned.
    public var mix: TransitionMix?

    /// Creates a transition.
    public init(from: TrackID, to: TrackID, score: Double, components: Components, explanation: String, mix: TransitionMix? = nil) {
        self.mix = mix
        self.from = from
        self.to = to
        self.score = score
        self.components = components
        self.explanation = explanation
    }
}

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
    /// A sentence a DJ understands.
    public var explanation: String

    /// Creates a transition.
    public init(from: TrackID, to: TrackID, score: Double, components: Components, explanation: String) {
        self.from = from
        self.to = to
        self.score = score
        self.components = components
        self.explanation = explanation
    }
}

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

        private enum CodingKeys: String, CodingKey { case als, content, bpm, key, energy }

        /// Reads components, each finite and in -1000…1000.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            als = try container.decodeNumber(.als, in: DocumentLimits.score)
            content = try container.decodeNumber(.content, in: DocumentLimits.score)
            bpm = try container.decodeNumber(.bpm, in: DocumentLimits.score)
            key = try container.decodeNumber(.key, in: DocumentLimits.score)
            energy = try container.decodeNumber(.energy, in: DocumentLimits.score)
        }

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

    private enum CodingKeys: String, CodingKey { case from, to, score, components, explanation, mix }

    /// Reads a transition, its score finite and in -1000…1000.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        from = try container.decode(TrackID.self, forKey: .from)
        to = try container.decode(TrackID.self, forKey: .to)
        score = try container.decodeNumber(.score, in: DocumentLimits.score)
        components = try container.decode(Components.self, forKey: .components)
        explanation = try container.decode(String.self, forKey: .explanation)
        mix = try container.decodeIfPresent(TransitionMix.self, forKey: .mix)
    }

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

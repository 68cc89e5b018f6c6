extension DJSet {
    /// How well a set flows (computed by SetGraph's `SetQualityEvaluator`; `quality` in the set
    /// document, `segue evaluate-set`).
    public struct Quality: Sendable, Hashable, Codable {
        /// Transitions measured.
        public var transitions: Int
        /// Share of transitions that are harmonic (same key, ±1 on the Camelot wheel, relative).
        public var harmonicShare: Double
        /// Mean absolute tempo change per transition, percent (half/double time counted).
        public var meanTempoChangePercent: Double
        /// Largest absolute tempo change, percent.
        public var maxTempoChangePercent: Double
        /// Mean absolute difference between each track's energy and the arc's target at its
        /// start, in energy steps (0 without an arc).
        public var energyArcError: Double
        /// |playing time − target| ÷ target, percent (0 without a target).
        public var durationErrorPercent: Double
        /// Tracks whose artist already played within the previous few tracks.
        public var artistRepeats: Int
        /// Mean similarity of consecutive tracks (mean of their ALS and content scores, 0…1).
        public var meanSimilarity: Double

        /// Creates measures.
        public init(transitions: Int, harmonicShare: Double, meanTempoChangePercent: Double, maxTempoChangePercent: Double,
                    energyArcError: Double, durationErrorPercent: Double, artistRepeats: Int, meanSimilarity: Double) {
            self.transitions = transitions
            self.harmonicShare = harmonicShare
            self.meanTempoChangePercent = meanTempoChangePercent
            self.maxTempoChangePercent = maxTempoChangePercent
            self.energyArcError = energyArcError
            self.durationErrorPercent = durationErrorPercent
            self.artistRepeats = artistRepeats
            self.meanSimilarity = meanSimilarity
        }
    }
}

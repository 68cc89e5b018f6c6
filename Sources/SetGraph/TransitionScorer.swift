import DJModel
import SegueMath

/// Scores a transition between two tracks from its components (see ``TransitionWeights``).
public struct TransitionScorer: Sendable {
    /// The weights.
    public let weights: TransitionWeights

    /// Creates a scorer.
    public init(weights: TransitionWeights = .standard) { self.weights = weights }

    /// The components and the weighted score of playing `to` after `from`.
    ///
    /// When either track has no ALS factors (no tracklist names it), the ALS component is unknown:
    /// it is reported as 0.5 (cosine 0) and scored as ``TransitionWeights/coldALS``, so the pair
    /// keeps the same weights as any other and competes on content, tempo, key and energy.
    public func score(from: TrackNode, to: TrackNode) -> (score: Double, components: Transition.Components) {
        var alsScore = 0.5
        var alsValue = weights.coldALS
        if let a = from.alsVector, let b = to.alsVector {
            alsScore = (Double(VectorMath.dot(a, b)) + 1) / 2
            alsValue = alsScore
        }
        let content = (Double(VectorMath.dot(from.contentVector, to.contentVector)) + 1) / 2
        let tempo = CompatibilityRules.tempo(from: from.bpm, to: to.bpm, pitchRange: weights.pitchRangePercent,
                                             halfDoubleFactor: weights.halfDoubleTimeFactor)
        let key = CompatibilityRules.key(from: from.key, to: to.key)
        let energy = CompatibilityRules.energy(from: from.energy, to: to.energy)
        let total = weights.als * alsValue + weights.content * content + weights.bpm * tempo + weights.key * key + weights.energy * energy
        let weightSum = weights.als + weights.content + weights.bpm + weights.key + weights.energy
        let components = Transition.Components(als: alsScore, content: content, bpm: tempo, key: key, energy: energy)
        return (total / weightSum, components)
    }
}

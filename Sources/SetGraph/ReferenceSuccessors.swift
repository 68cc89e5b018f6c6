import DJModel

/// The reference for ``TrackGraphBuilder``: a track's best successors found by scoring it
/// against every other track with ``TransitionScorer``, keeping those inside the builder's tempo
/// windows. O(n · d) per track, for checking the fast build on a sample.
public enum ReferenceSuccessors {
    /// The `neighbors` best successors of `source`, best first (ties to the lower index), with
    /// their scores.
    public static func best(of source: Int, among nodes: [TrackNode], scorer: TransitionScorer,
                            neighbors: Int) -> [(target: Int, score: Double)] {
        guard nodes.indices.contains(source), nodes[source].bpm > 0 else { return [] }
        let window = scorer.weights.pitchRangePercent * TrackGraphBuilder.windowFactor
        var best = TopScores(capacity: neighbors)
        for target in nodes.indices where target != source && nodes[target].bpm > 0
            && abs(CompatibilityRules.tempoChange(from: nodes[source].bpm, to: nodes[target].bpm).percent) <= window {
            best.offer(score: scorer.score(from: nodes[source], to: nodes[target]).score, target: target)
        }
        return best.sorted().map { (target: $0.target, score: $0.score) }
    }
}

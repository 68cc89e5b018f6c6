/// What a set's tempo drift is measured from.
///
/// A set from a seed may wander at most ``SetConstraints/maxDriftPercent`` from the seed's tempo.
/// A bridge has to travel from one tempo to another, so its tracks may lie anywhere between its
/// two ends and wander at most that far outside them: 120 → 140 BPM may pass 130, and 121 or 144,
/// but not 160.
public enum DriftReference: Sendable, Hashable {
    /// The tempo of one node (a set's seed).
    case track(Int)
    /// A tempo span in BPM (a bridge's two ends).
    case span(ClosedRange<Double>)

    /// How far `bpm` lies from the reference in percent (0 inside a span), counting half and
    /// double time as the same tempo.
    public func percent(to bpm: Double, in graph: TrackGraph) -> Double {
        switch self {
        case .track(let node):
            return abs(CompatibilityRules.tempoChange(from: graph.nodes[node].bpm, to: bpm).percent)
        case .span(let span):
            // Checked one by one: the planners call this for every candidate step.
            if span.contains(bpm) || span.contains(bpm * 2) || span.contains(bpm / 2) { return 0 }
            return min(abs(CompatibilityRules.tempoChange(from: span.lowerBound, to: bpm).percent),
                       abs(CompatibilityRules.tempoChange(from: span.upperBound, to: bpm).percent))
        }
    }
}

import Foundation

/// The bar phase of a 4/4 beat grid: which of the eight eighth-notes of a bar is the downbeat.
///
/// Harmony changes on the bar far more often than inside it, so the pitch-class profile of the
/// beat after a position differs most from that of the beat before it at the downbeat; the kick
/// and a crash add weight there. Each of the eight phases is scored by the mean of that evidence
/// on its positions, and the best wins. Eighths rather than beats, because a beat grid put on
/// the off-beat (syncopated kicks, loud off-beat hats) is put right the same way: an odd phase
/// means the grid belongs half a beat later. Drum-only intros and outros carry no harmony, but
/// the phase is one for the whole grid, so it is carried into them from the rest of the track.
public struct DownbeatEstimator: Sendable {
    /// Weight of the kick-onset evidence beside the harmonic change (both standardised).
    public var kickWeight: Double
    /// Weight of the rise in high-band energy (a crash on the downbeat).
    public var crashWeight: Double

    /// Creates an estimator.
    public init(kickWeight: Double = 0.5, crashWeight: Double = 0) {
        self.kickWeight = kickWeight
        self.crashWeight = crashWeight
    }

    /// Positions per bar: eighth-notes of a 4/4 bar.
    public static let positionsPerBar = 8

    /// The phase (0…7: the index of the first downbeat among the first eight eighth-note
    /// positions of the grid) and a confidence 0…1, from evidence at each eighth-note position j:
    /// `harmonicChange[j]` (how much the pitch-class profile of the beat after j differs from the
    /// beat before), `kick[j]` (kick onset strength at j) and `highRise[j]` (rise of high-band
    /// energy into j). `beatsOnly` keeps to the even phases (the grid's own beats): the grid is
    /// known to be on the beat, so only the bar is asked.
    public func phase(harmonicChange: [Double], kick: [Double], highRise: [Double], beatsOnly: Bool = false) -> (phase: Int, confidence: Double) {
        let positions = Self.positionsPerBar
        guard harmonicChange.count >= 2 * positions else { return (0, 0) }
        func phaseMeans(_ values: [Double]) -> [Double] {
            (0..<positions).map { phase in
                let picked = stride(from: phase, to: values.count, by: positions).map { values[$0] }
                return picked.isEmpty ? 0 : picked.reduce(0, +) / Double(picked.count)
            }
        }
        func standardised(_ means: [Double]) -> [Double] {
            let mean = means.reduce(0, +) / Double(positions)
            let spread = (means.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(positions)).squareRoot()
            return spread > 1e-12 ? means.map { ($0 - mean) / spread } : [Double](repeating: 0, count: positions)
        }
        let harmonic = standardised(phaseMeans(harmonicChange))
        let kicks = standardised(phaseMeans(kick))
        let crashes = standardised(phaseMeans(highRise))
        let scores = (0..<positions).map { harmonic[$0] + kickWeight * kicks[$0] + crashWeight * crashes[$0] }
        let ranked = scores.indices.filter { !beatsOnly || $0 % 2 == 0 }.sorted { scores[$0] > scores[$1] }
        // Standardised scores of n phases lie within ±√(n − 1); the margin over the runner-up,
        // over that bound, reads as a confidence.
        let total = 1 + kickWeight + crashWeight
        let margin = (scores[ranked[0]] - scores[ranked[1]]) / (Double(positions - 1).squareRoot() * total)
        return (ranked[0], max(0, min(1, margin * 2)))
    }
}

import Foundation

/// The phase of a constant-tempo beat grid: the offset that puts grid lines on the strongest
/// onsets of a low-band (kick) onset envelope, so that the grid sits on the beat rather than on
/// off-beat hats. O(frames) per candidate phase, O(frames · period) in all.
public struct BeatGridEstimator: Sendable {
    /// Frame `t` of the onset envelope describes the window starting at `t · hop`, whose energy
    /// rises most when an onset reaches its centre, `frameSize / 2` later: an onset seen at frame
    /// `t` happened at `t + centerOffsetFrames` (2 for a 2048-sample window at hop 512).
    public let centerOffsetFrames: Double

    /// Creates an estimator.
    public init(centerOffsetFrames: Double = 2) { self.centerOffsetFrames = centerOffsetFrames }

    /// The time of the first beat in seconds (0 ≤ result < one beat period).
    public func firstBeat(onset: [Float], frameRate: Double, bpm: Double) -> Double {
        guard bpm > 0, !onset.isEmpty else { return 0 }
        let period = 60 * frameRate / bpm
        var bestPhase = 0.0, bestScore = -Float.infinity
        var phase = 0.0
        while phase < period {
            var score: Float = 0
            var position = phase
            while position < Double(onset.count - 1) {
                let index = Int(saturating: position)
                let fraction = Float(position - Double(index))
                score += onset[index] * (1 - fraction) + onset[index + 1] * fraction
                position += period
            }
            if score > bestScore { (bestScore, bestPhase) = (score, phase) }
            phase += 0.25
        }
        let seconds = (bestPhase + centerOffsetFrames) / frameRate
        let beat = 60 / bpm
        return (seconds.truncatingRemainder(dividingBy: beat) + beat).truncatingRemainder(dividingBy: beat)
    }
}

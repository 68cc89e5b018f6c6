import DJModel
import Foundation

/// The phase of a constant-tempo beat grid: the offset that puts grid lines on the strongest
/// onsets of an onset envelope over the whole track. Fed the beat band
/// (``SpectralSummary/beatFlux``: bass, snare body, chords), so that the grid sits on the beat
/// rather than on off-beat hats or on a syncopated kick; on recorded music that band put the
/// grid in phase with madmom's beats where the kick band alone read a quarter or half a beat off
/// (Benchmarks/grids, tuning half). O(frames) per candidate phase, O(frames · period) in all.
public struct BeatGridEstimator: Sendable {
    /// Frame `t` of the onset envelope describes the window starting at `t · hop`, whose energy
    /// rises most when an onset reaches its centre, `frameSize / 2` later: an onset seen at frame
    /// `t` happened at `t + centerOffsetFrames` (2 for a 2048-sample window at hop 512).
    public let centerOffsetFrames: Double

    /// A beat band whose off-beats carry this share of its beats' onset or more
    /// (``offBeatRatio(onset:frameRate:bpm:firstBeat:)``) leaves beat or off-beat open…
    public static let openOffBeatRatio = 0.78
    /// …and a kick band whose off-beats then carry this many times the onset of its beats puts
    /// the grid half a beat later, on the kicks. Measured on the tuning material: where the grid
    /// had to move (synthesised house with an off-beat bass: beat band 0.84, kick 4.1; a
    /// recording whose beats madmom puts on the kicks: 0.94, 15.7) and where it had to stay
    /// (syncopated kicks in breakbeat and drum & bass, 0.68–0.74 and 1.8–2.0; ten recordings
    /// with the kick at 1.0–2.6 and the beat band 0.25–0.92).
    public static let decisiveKickRatio = 3.0
    /// A kick band whose off-beats carry this many times the onset of its beats — a kick on
    /// every off-beat of the grid and hardly one on its beats — moves the grid half a beat even
    /// where the beat band leans to the grid's side down to ``leaningOffBeatRatio``: off-beat
    /// open hats and an off-beat bass in techno and house can outweigh the beats in the beat band.
    /// On the tuning half of the General MIDI arrangements three grids sat half a beat off that
    /// way (beat band 0.59–0.78, kick 5.9–1 770); the recordings that had to stay had the kick at
    /// 2.6 or less, syncopated breakbeat and drum & bass kicks at 2.0 or less.
    public static let overwhelmingKickRatio = 5.0
    /// See ``overwhelmingKickRatio``.
    public static let leaningOffBeatRatio = 0.5

    /// Whether the kick moves the grid half a beat later, given the beat band's and the kick
    /// band's ``offBeatRatio(onset:frameRate:bpm:firstBeat:)`` on the grid.
    public static func kickMovesTheGrid(beatBand: Double, kick: Double) -> Bool {
        (beatBand >= openOffBeatRatio && kick >= decisiveKickRatio) || (beatBand >= leaningOffBeatRatio && kick >= overwhelmingKickRatio)
    }

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
        return seconds.wrapped(into: beat)
    }

    /// How strong the onsets half a beat after the grid are beside those on it (the comb's sum
    /// at the off-beat over its sum on the beat; 0 when the grid has no onsets): well under 1
    /// means the grid is clearly on the beat, and nothing later may move it to the off-beat.
    public func offBeatRatio(onset: [Float], frameRate: Double, bpm: Double, firstBeat: Double) -> Double {
        guard bpm > 0, onset.count > 2 else { return 0 }
        let period = 60 * frameRate / bpm
        func comb(_ start: Double) -> Double {
            var sum = 0.0, position = start - centerOffsetFrames
            while position < Double(onset.count - 2) {
                if position >= 1 {
                    // The strongest frame within one of the line: the grid is good to a frame or so.
                    let index = Int(saturating: position.rounded())
                    sum += Double(max(onset[index - 1], onset[index], onset[index + 1]))
                }
                position += period
            }
            return sum
        }
        let on = comb(firstBeat * frameRate)
        return on > 0 ? comb(firstBeat * frameRate + period / 2) / on : 0
    }
}

import DJModel
import Foundation

/// Makes a constant beat grid exact: the tempo from the autocorrelation is good to about 0.1 BPM,
/// which over four minutes slips the grid by a tenth of a beat or more — too much for a downbeat
/// within 70 ms at the end of a track, or for two decks to stay locked through a long blend.
///
/// Each beat of the grid is matched to the strongest onset within a small window around it (the
/// peak interpolated between frames), and a line — time = offset + beat number × period — is
/// fitted to those onsets by least squares weighted by their strength. A rough tempo slips the
/// grid out of any small window towards the ends of a long track, so two coarse steps come first:
/// the tempo and phase whose grid collects the most onset over the whole track; then
/// the fit runs on the middle third of the beats and widens to two thirds and then all of them,
/// each pass on the line of the one before, with a narrowing window. The refined tempo is kept when it stays within
/// 1 % of the estimate (it only sharpens it); the phase is then fitted for the tempo rounded to
/// 0.01 BPM, so the stored grid is the one that fits. O(beats · window).
public struct BeatGridRefiner: Sendable {
    /// See ``BeatGridEstimator/centerOffsetFrames``.
    public let centerOffsetFrames: Double
    /// Half-width of the first search window around each beat, as a share of the period.
    public let searchShare: Double

    /// Creates a refiner.
    public init(centerOffsetFrames: Double = 2, searchShare: Double = 0.12) {
        self.centerOffsetFrames = centerOffsetFrames
        self.searchShare = searchShare
    }

    /// The refined tempo (0.01 BPM) and first beat (0 ≤ first beat < one period) of the grid
    /// `bpm`, `firstBeat` on the onset envelope `onset` at `frameRate` frames per second.
    public func refine(onset: [Float], frameRate: Double, bpm: Double, firstBeat: Double) -> (bpm: Double, firstBeat: Double) {
        guard bpm > 0, onset.count > 16 else { return (bpm, firstBeat) }
        var (offset, period) = bestComb(onset: onset, frameRate: frameRate, offset: firstBeat, period: 60 / bpm)
        let beatCount = Int(saturating: Double(onset.count) / frameRate / period)
        for (spanShare, share) in [(1.0 / 3, searchShare), (2.0 / 3, searchShare * 0.75), (1.0, searchShare / 2)] {
            let half = Double(beatCount) * spanShare / 2, middle = Double(beatCount) / 2
            let matches = self.matches(onset: onset, frameRate: frameRate, offset: offset, period: period, share: share)
                .filter { abs(Double($0.beat) - middle) <= half }
            guard matches.count >= 16, let line = Self.fitLine(matches), line.period > 0 else { return (bpm, firstBeat) }
            (offset, period) = line
        }
        let refined = ((60 / period) * 100).rounded() / 100
        guard abs(refined - bpm) / bpm < 0.01 else { return (bpm, firstBeat) }
        let roundedPeriod = 60 / refined
        let matches = self.matches(onset: onset, frameRate: frameRate, offset: offset, period: period, share: searchShare / 2)
        let weight = matches.reduce(0) { $0 + $1.weight }
        guard weight > 0 else { return (refined, offset.wrapped(into: roundedPeriod)) }
        let anchored = matches.reduce(0) { $0 + $1.weight * ($1.time - Double($1.beat) * roundedPeriod) } / weight
        return (refined, anchored.wrapped(into: roundedPeriod))
    }

    /// For each beat of the grid, the strongest onset within `share` of a period of it: its beat
    /// number, time and strength (beats without a peak inside the window are left out).
    func matches(onset: [Float], frameRate: Double, offset: Double, period: Double, share: Double) -> [(beat: Int, time: Double, weight: Double)] {
        var result: [(beat: Int, time: Double, weight: Double)] = []
        // At least two frames each side, so that a fast tempo still leaves a peak room inside the window.
        let radius = max(2.5, share * period * frameRate)
        var beat = 0
        while true {
            let predicted = (offset + Double(beat) * period) * frameRate - centerOffsetFrames
            if predicted - radius > Double(onset.count - 2) { break }
            defer { beat += 1 }
            let low = max(1, Int(saturating: (predicted - radius).rounded(.up))), high = min(onset.count - 2, Int(saturating: predicted + radius))
            guard low <= high else { continue }
            var peak = low
            for frame in low...high where onset[frame] > onset[peak] { peak = frame }
            // A peak on the window's edge is the flank of an onset outside it.
            guard peak > low || low == 1, peak < high, onset[peak] > 0, onset[peak] >= onset[peak - 1], onset[peak] >= onset[peak + 1] else { continue }
            let (left, middle, right) = (Double(onset[peak - 1]), Double(onset[peak]), Double(onset[peak + 1]))
            let denominator = left - 2 * middle + right
            let shift = abs(denominator) > 1e-12 ? max(-0.5, min(0.5, 0.5 * (left - right) / denominator)) : 0
            result.append((beat, (Double(peak) + shift + centerOffsetFrames) / frameRate, middle))
        }
        return result
    }

    /// The grid, among tempos within ±0.4 % of `period`'s (0.01 BPM apart) and phases (half a
    /// frame apart) within a quarter beat of the given grid in the middle of the track, that
    /// collects the most onset over the whole track: a wrong tempo smears the comb, so the sum
    /// peaks sharply at the right one. The given phase came from the whole track's comb
    /// (``BeatGridEstimator``); the quarter-beat bound keeps the refinement near it, away from
    /// the off-beat.
    /// O(tempos · phases · beats), about two million reads for a four-minute track.
    func bestComb(onset: [Float], frameRate: Double, offset: Double, period: Double) -> (offset: Double, period: Double) {
        func value(at position: Double) -> Float {
            guard position >= 0, position < Double(onset.count - 1) else { return 0 }
            let index = Int(saturating: position), fraction = Float(position - Double(index))
            return onset[index] * (1 - fraction) + onset[index + 1] * fraction
        }
        let bpm = 60 / period
        let middleBeat = Int(saturating: Double(onset.count) / frameRate / period / 2)
        let middle = (offset + Double(middleBeat) * period) * frameRate - centerOffsetFrames
        var best = (offset: offset, period: period), bestScore: Float = -1
        var candidate = bpm * 0.996
        while candidate <= bpm * 1.004 {
            let periodFrames = 60 / candidate * frameRate
            let beatCount = Int(saturating: Double(onset.count) / periodFrames)
            var shift = -periodFrames / 4
            while shift <= periodFrames / 4 {
                let start = middle + shift - Double(middleBeat) * periodFrames
                var score: Float = 0
                for beat in 0..<beatCount + 1 { score += value(at: start + Double(beat) * periodFrames) }
                if score > bestScore { (bestScore, best) = (score, ((start + centerOffsetFrames) / frameRate, 60 / candidate)) }
                shift += 0.5
            }
            candidate += 0.01
        }
        return best
    }

    /// The weighted least-squares line through (beat, time): its offset and period.
    static func fitLine(_ points: [(beat: Int, time: Double, weight: Double)]) -> (offset: Double, period: Double)? {
        var sw = 0.0, sx = 0.0, sy = 0.0
        for point in points { sw += point.weight; sx += point.weight * Double(point.beat); sy += point.weight * point.time }
        guard sw > 0 else { return nil }
        let meanX = sx / sw, meanY = sy / sw
        var sxx = 0.0, sxy = 0.0
        for point in points {
            let dx = Double(point.beat) - meanX
            sxx += point.weight * dx * dx
            sxy += point.weight * dx * (point.time - meanY)
        }
        guard sxx > 0 else { return nil }
        let period = sxy / sxx
        return (meanY - period * meanX, period)
    }
}

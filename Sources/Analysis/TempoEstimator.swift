import DJModel
import Foundation

/// Global tempo from an onset-strength envelope: autocorrelation, a comb over the first four
/// beat multiples plus the half-beat pulse, a log-normal prior over DJ tempi and an onset-density
/// prior (dance music shows about 1.7 detected onsets per beat), then an octave decision between
/// the best tempo, its half and its double from where the backbeat falls (``BackbeatEvidence``),
/// then refinement on a long-lag autocorrelation peak for 0.01 BPM resolution
/// (Ellis 2007, "Beat tracking by dynamic programming", for the prior-weighted tempogram idea).
///
/// The octave decision: the autocorrelation comb always favours the slower of two octaves (its
/// multiples cover more of the periodic pattern), and the onset-density prior mistakes a
/// drum & bass break with few hats for 87 BPM and hip-hop with trap hats for 180. Among the
/// tempo, its half and its double that lie in the range, the one with the highest
/// log(weighted salience) + ``TempoConfiguration/backbeatWeight`` × backbeat score +
/// ``TempoConfiguration/kickBarWeight`` × the kick's bar wins (with both weights 0 the priors decide).
/// Chosen on the tuning set of the General MIDI corpus (`Benchmarks/analysis/gm_corpus.py`; 205 dance
/// clips per style on three soundfonts and five kits, 100 of them with their own mix of the parts);
/// the held-out figures are in the README.
public struct TempoEstimator: Sendable {
    /// The parameters.
    public let configuration: TempoConfiguration

    /// Creates an estimator.
    public init(configuration: TempoConfiguration = .standard) { self.configuration = configuration }

    /// The estimated BPM and a confidence 0…1 (0 for silence, noise or audio under 4 s).
    ///
    /// - Parameters:
    ///   - onset: onset strength per frame (``OnsetEnvelope``).
    ///   - frameRate: frames per second of `onset`.
    ///   - onsetRate: onsets per second (``OnsetRate``), or `nil` to use the tempo prior alone.
    ///   - backbeat: the snare-band evidence for the octave decision, or `nil` to leave the
    ///     octave to the priors.
    /// - Complexity: O(n log n + candidates) for n frames.
    public func estimate(onset: [Float], frameRate: Double, onsetRate: Double? = nil,
                         backbeat: BackbeatEvidence? = nil) -> (bpm: Double, confidence: Double) {
        let fallback = (bpm: configuration.priorCenterBPM, confidence: 0.0)
        guard Double(onset.count) >= 4 * frameRate else { return fallback }
        let longestBeat = 60 * frameRate / configuration.minimumBPM
        let maxLag = min(onset.count - 1, Int(saturating: longestBeat * 8) + 4)
        guard let acf = OnsetAutocorrelation(onset: onset, maxLag: maxLag) else { return fallback }
        func salience(_ bpm: Double) -> Float {
            let lag = 60 * frameRate / bpm
            var sum: Float = 0
            for multiple in 1...4 { sum += acf.value(at: lag * Double(multiple)) }
            return sum / 4 + Float(configuration.subdivisionWeight) * acf.value(at: lag / 2)
        }
        func weighted(_ bpm: Double) -> (score: Float, salience: Float) {
            let s = salience(bpm)
            let octaves = log2(bpm / configuration.priorCenterBPM) / configuration.priorWidthOctaves
            var weighted = max(s, 0) * Float(exp(-0.5 * octaves * octaves))
            if let onsetRate, onsetRate > 0 {
                let perBeat = log2(onsetRate * 60 / bpm / configuration.onsetsPerBeat) / configuration.onsetDensityWidthOctaves
                weighted *= Float(exp(-0.5 * perBeat * perBeat))
            }
            return (weighted, s)
        }
        var best = (bpm: fallback.bpm, score: -Float.infinity, salience: Float(0))
        var bpm = configuration.minimumBPM
        while bpm <= configuration.maximumBPM {
            let (score, s) = weighted(bpm)
            if score > best.score { best = (bpm, score, s) }
            bpm += 0.1
        }
        guard best.salience > 0 else { return fallback }
        if let backbeat, configuration.backbeatWeight > 0 || configuration.kickBarWeight > 0 {
            let range = configuration.minimumBPM...configuration.maximumBPM
            var chosen = (bpm: best.bpm, score: -Double.infinity, salience: best.salience)
            for candidate in [best.bpm / 2, best.bpm, best.bpm * 2] where range.contains(candidate) {
                let (score, s) = weighted(candidate)
                let total = log(Double(max(score, 1e-12))) + configuration.backbeatWeight * backbeat.score(bpm: candidate)
                    + configuration.kickBarWeight * backbeat.kickBar(bpm: candidate)
                if total > chosen.score { chosen = (candidate, total, s) }
            }
            best = (chosen.bpm, best.score, chosen.salience)
        }
        return (refine(bpm: best.bpm, acf: acf.values, frameRate: frameRate), Double(min(1, max(0, best.salience * 1.5))))
    }

    /// Refines a coarse tempo on the autocorrelation peak nearest to the largest beat multiple
    /// (8, 4, 2 or 1 beats) that fits, with parabolic interpolation.
    private func refine(bpm: Double, acf: [Float], frameRate: Double) -> Double {
        let lag = 60 * frameRate / bpm
        for multiple in [8, 4, 2, 1] {
            let target = lag * Double(multiple)
            let radius = max(2, Int(saturating: target * 0.01))
            let low = Int(saturating: target) - radius, high = Int(saturating: target) + radius
            guard low >= 1, high + 1 < acf.count else { continue }
            var peak = low
            for index in low...high where acf[index] > acf[peak] { peak = index }
            guard peak > low, peak < high else { continue }
            let (left, center, right) = (Double(acf[peak - 1]), Double(acf[peak]), Double(acf[peak + 1]))
            let denominator = left - 2 * center + right
            let offset = abs(denominator) > 1e-12 ? 0.5 * (left - right) / denominator : 0
            let refinedLag = (Double(peak) + max(-0.5, min(0.5, offset))) / Double(multiple)
            let refined = 60 * frameRate / refinedLag
            if abs(refined - bpm) / bpm < 0.02 { return (refined * 100).rounded() / 100 }
        }
        return (bpm * 100).rounded() / 100
    }
}

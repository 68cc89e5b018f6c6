import DSP
import Foundation

/// A tuning-corrected pitch-class profile of a whole track (HPCP-like), built by
/// ``PitchClassAccumulator``: 120 bins of 10 cents are folded into twelve pitch classes around
/// the measured tuning, each fine bin weighted by cos² of its distance from the semitone centre
/// (full weight at 0, 0.15 at ±30 cents, nothing beyond), so that partials far from equal
/// temperament (the 7th harmonic sits 31 cents flat) count less.
public struct PitchClassProfile: Sendable, Hashable {
    /// Twelve pitch-class weights (C first), normalised to a maximum of 1.
    public let chroma: [Double]
    /// The bass-register profile (peaks under 200 Hz), normalised to a maximum of 1.
    public let bassChroma: [Double]
    /// Deviation of the tuning from A4 = 440 Hz, in cents (−50…50).
    public let tuningCents: Double
    /// Mean tonality of the frames (0 for silence or noise, about 1 when the energy between
    /// 60 Hz and 2 kHz sits in spectral peaks).
    public let tonalness: Double

    /// Folds 120 fine bins (10 cents each, C first) into twelve tuned pitch classes.
    init(fine: [Double], fineBass: [Double], tonalness: Double) {
        self.tonalness = tonalness
        // Tuning: circular mean of the deviation within each semitone (10 fine bins per semitone).
        var sine = 0.0, cosine = 0.0
        for index in 0..<120 {
            let angle = 2 * Double.pi * Double(index % 10) / 10
            sine += fine[index] * sin(angle)
            cosine += fine[index] * cos(angle)
        }
        let tuning = (sine == 0 && cosine == 0) ? 0 : atan2(sine, cosine) / (2 * Double.pi) * 100
        tuningCents = tuning
        let shift = Int(saturating: (tuning / 10).rounded())
        func fold(_ bins: [Double]) -> [Double] {
            var chroma = [Double](repeating: 0, count: 12)
            // Cosine-squared weighting around each tuned semitone (full weight at the centre, none
            // at ±50 cents), so that partials far from equal temperament count less.
            for pitchClass in 0..<12 {
                for offset in -3...3 {
                    let index = ((pitchClass * 10 + shift + offset) % 120 + 120) % 120
                    let c = cos(Double.pi * Double(offset) / 8)
                    chroma[pitchClass] += bins[index] * c * c
                }
            }
            let maximum = chroma.max() ?? 0
            return maximum > 0 ? chroma.map { $0 / maximum } : chroma
        }
        chroma = fold(fine)
        bassChroma = fold(fineBass)
    }

    /// Measures a whole signal at once (see ``PitchClassAccumulator``).
    public init(samples: [Float], sampleRate: Double) throws(DSPError) {
        let accumulator = try PitchClassAccumulator(sampleRate: sampleRate)
        samples.withUnsafeBufferPointer { accumulator.add($0) }
        self = accumulator.finish()
    }
}

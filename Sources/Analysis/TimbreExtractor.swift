import DJModel
import DSP
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
public struct TimbreExtractor: Sendable {
    /// Dimension names, in order.
    public static let featureNames: [String] =
        (1...13).map { "mfcc\($0)_mean" } + (1...13).map { "mfcc\($0)_std" } +
        ["centroid_khz_mean", "centroid_khz_std", "flatness_mean", "low_share", "mid_share", "high_share",
         "onset_rate_tenths", "quiet_frame_share"]

    /// Creates an extractor.
    public init() {}

    /// The feature vector of `frames` with the given onset rate (onsets per second).
    public func extract(_ frames: SpectralFrames, onsetRate: Double) -> FeatureVector {
        let bands = frames.melBandCount
        let dct = try! DCT(inputCount: bands, outputCount: 14)
        var sum = [Double](repeating: 0, count: 13), sumSquares = [Double](repeating: 0, count: 13)
        var coefficients = [Float](repeating: 0, count: 14)
        let meanPower = frames.power.reduce(0, +) / Float(max(frames.frameCount, 1))
        var active = 0, quiet = 0
        var centroid = 0.0, centroidSquares = 0.0, flatness = 0.0, shares = [0.0, 0.0, 0.0]
        frames.logMel.withUnsafeBufferPointer { mel in
            for frame in 0..<frames.frameCount {
                if frames.power[frame] < meanPower * 0.01 { quiet += 1; continue }
                active += 1
                coefficients.withUnsafeMutableBufferPointer { output in
                    dct.apply(UnsafeBufferPointer(rebasing: mel[(frame * bands)..<((frame + 1) * bands)]), into: output)
                }
                for index in 0..<13 {
                    let value = Double(coefficients[index + 1])
                    sum[index] += value
                    sumSquares[index] += value * value
                }
                let kHz = Double(frames.centroid[frame]) / 1000
                centroid += kHz
                centroidSquares += kHz * kHz
                flatness += Double(frames.flatness[frame])
                for band in 0..<3 { shares[band] += Double(frames.bandShares[frame * 3 + band]) }
            }
        }
        let n = Double(max(active, 1))
        func deviation(_ total: Double, _ squares: Double) -> Double { max(0, squares / n - (total / n) * (total / n)).squareRoot() }
        var values: [Double] = sum.map { $0 / n }
        values += (0..<13).map { deviation(sum[$0], sumSquares[$0]) }
        values += [centroid / n, deviation(centroid, centroidSquares), flatness / n]
        values += shares.map { $0 / n }
        values += [onsetRate / 10, Double(quiet) / Double(max(frames.frameCount, 1))]
        return FeatureVector(values.map { Float($0.isFinite ? $0 : 0) })
    }
}

import Foundation

/// Running sums of per-frame timbre measurements, bucketed by frame power (0.5 dB buckets),
/// so that frames far below the track's mean power (silence between tracks, fades) can be left
/// out once the mean is known, without keeping the frames. Fixed size: 600 buckets × 33 sums.
public struct TimbreStatistics: Sendable {
    /// Sums kept per bucket: count, 13 MFCC sums, 13 MFCC square sums, centroid (kHz) and its
    /// square, flatness, three band shares.
    static let sumsPerBucket = 33
    static let bucketCount = 600
    /// Decibels per bucket, and the level of bucket 0.
    static let decibelsPerBucket = 0.5, lowestDecibels = -200.0

    private var sums = [Double](repeating: 0, count: TimbreStatistics.bucketCount * TimbreStatistics.sumsPerBucket)
    /// Sum of frame power over all frames.
    private(set) var totalPower = 0.0
    /// Number of frames added.
    private(set) var frameCount = 0

    /// Empty statistics.
    public init() {}

    static func bucket(forPower power: Double) -> Int {
        let decibels = 10 * log10(max(power, 1e-30))
        return max(0, min(bucketCount - 1, Int(saturating: (decibels - lowestDecibels) / decibelsPerBucket)))
    }

    /// Adds one frame.
    mutating func add(power: Float, mfcc: ArraySlice<Float>, centroidHz: Float, flatness: Float, shares: (low: Float, mid: Float, high: Float)) {
        frameCount += 1
        totalPower += Double(power)
        let base = Self.bucket(forPower: Double(power)) * Self.sumsPerBucket
        sums[base] += 1
        for (offset, value) in mfcc.enumerated() {
            let coefficient = Double(value)
            sums[base + 1 + offset] += coefficient
            sums[base + 14 + offset] += coefficient * coefficient
        }
        let kHz = Double(centroidHz) / 1000
        sums[base + 27] += kHz
        sums[base + 28] += kHz * kHz
        sums[base + 29] += Double(flatness)
        sums[base + 30] += Double(shares.low)
        sums[base + 31] += Double(shares.mid)
        sums[base + 32] += Double(shares.high)
    }

    /// The sums over frames at least `gate` times the mean frame power (0.01 = −20 dB), and the
    /// share of frames below it.
    func gated(relativeToMean gate: Double) -> (sums: [Double], quietShare: Double) {
        var total = [Double](repeating: 0, count: Self.sumsPerBucket)
        guard frameCount > 0 else { return (total, 0) }
        let first = Self.bucket(forPower: totalPower / Double(frameCount) * gate)
        for bucket in first..<Self.bucketCount {
            for index in 0..<Self.sumsPerBucket { total[index] += sums[bucket * Self.sumsPerBucket + index] }
        }
        return (total, 1 - total[0] / Double(frameCount))
    }
}

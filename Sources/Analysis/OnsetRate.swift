/// Onsets per second of the busy parts of a track: peaks of the onset envelope above an adaptive
/// threshold (mean + 1 standard deviation over the track), at least 50 ms apart, counted in
/// 8-second windows; the result is the rate of the 75th-percentile window, so that breakdowns
/// and sparse intros do not drag the figure down.
public enum OnsetRate {
    /// The rate in onsets per second of `onset` at `frameRate` frames per second.
    public static func compute(onset: [Float], frameRate: Double) -> Double {
        guard onset.count > 2 else { return 0 }
        let mean = onset.reduce(0, +) / Float(onset.count)
        let deviation = (onset.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Float(onset.count)).squareRoot()
        let threshold = mean + deviation
        let gap = max(1, Int(saturating: 0.05 * frameRate))
        let window = max(1, Int(saturating: 8 * frameRate))
        var counts = [Int](repeating: 0, count: (onset.count + window - 1) / window)
        var last = -gap
        for index in 1..<(onset.count - 1) where onset[index] > threshold && onset[index] >= onset[index - 1]
            && onset[index] > onset[index + 1] && index - last >= gap {
            counts[index / window] += 1
            last = index
        }
        // Only whole windows count, unless the track is shorter than one.
        let whole = onset.count >= window ? Array(counts.prefix(onset.count / window)) : counts
        let windowSeconds = onset.count >= window ? Double(window) / frameRate : Double(onset.count) / frameRate
        let sorted = whole.sorted()
        return Double(sorted[min(sorted.count - 1, sorted.count * 3 / 4)]) / windowSeconds
    }
}

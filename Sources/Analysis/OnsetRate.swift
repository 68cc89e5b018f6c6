/// Onsets per second: peaks of the onset envelope above an adaptive threshold
/// (mean + 1 standard deviation over the track), at least 50 ms apart.
public enum OnsetRate {
    /// The rate in onsets per second of `onset` at `frameRate` frames per second.
    public static func compute(onset: [Float], frameRate: Double) -> Double {
        guard onset.count > 2 else { return 0 }
        let mean = onset.reduce(0, +) / Float(onset.count)
        let deviation = (onset.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Float(onset.count)).squareRoot()
        let threshold = mean + deviation
        let gap = max(1, Int(0.05 * frameRate))
        var count = 0, last = -gap
        for index in 1..<(onset.count - 1) where onset[index] > threshold && onset[index] >= onset[index - 1]
            && onset[index] > onset[index + 1] && index - last >= gap {
            count += 1
            last = index
        }
        return Double(count) / (Double(onset.count) / frameRate)
    }
}

import Foundation

/// A look-ahead peak limiter on interleaved stereo: the gain needed to keep every sample of the
/// next `lookAhead` frames under the ceiling is taken as a sliding minimum, smoothed by a moving
/// average of the same length (so it is already down when the peak arrives and never above what
/// the peak needs), and released exponentially. Peaks are read from the samples and from points
/// between them (a ×4 oversampled estimate), so peaks between samples are caught too. Output is
/// delayed by `lookAhead` frames; ``flush()`` returns the tail.
struct PeakLimiter {
    private let ceiling: Float
    private let lookAhead: Int
    private let release: Float
    /// Frames waiting to be output (interleaved), `lookAhead` of them.
    private var delay: [Float]
    private var delayIndex = 0
    /// The needed gains of the last `lookAhead + 1` frames, for the sliding minimum (a monotonic deque).
    private var minimumQueue: [(frame: Int, gain: Float)] = []
    private var queueHead = 0
    /// The last `lookAhead` sliding minima and their sum, for the moving average.
    private var averageWindow: [Float]
    private var averageIndex = 0
    private var averageSum: Float
    private var frame = 0
    private var gain: Float = 1
    private var history = [Float](repeating: 0, count: 16)

    /// A limiter holding peaks under `ceilingDB` dBFS, looking `lookAheadSeconds` ahead,
    /// releasing with a time constant of `releaseSeconds`.
    init(ceilingDB: Double, sampleRate: Double, lookAheadSeconds: Double = 0.005, releaseSeconds: Double = 0.15) {
        ceiling = Float(pow(10, ceilingDB / 20))
        lookAhead = max(1, Int(saturating: lookAheadSeconds * sampleRate))
        release = Float(1 - exp(-1 / (releaseSeconds * sampleRate)))
        delay = [Float](repeating: 0, count: 2 * lookAhead)
        averageWindow = [Float](repeating: 1, count: lookAhead)
        averageSum = Float(lookAhead)
    }

    /// Frames of delay.
    var latency: Int { lookAhead }

    /// Limits a block; returns as many frames as given, `lookAhead` frames late.
    mutating func process(_ input: [Float]) -> [Float] {
        var output = [Float](repeating: 0, count: input.count)
        for sample in stride(from: 0, to: input.count, by: 2) {
            let left = input[sample], right = input[sample + 1]
            let peak = max(abs(left), abs(right), intersamplePeak(left, right))
            let needed = peak > ceiling ? ceiling / peak : 1
            // Sliding minimum over the last lookAhead frames.
            while minimumQueue.count > queueHead, minimumQueue[minimumQueue.count - 1].gain >= needed { minimumQueue.removeLast() }
            minimumQueue.append((frame, needed))
            while minimumQueue[queueHead].frame < frame - lookAhead { queueHead += 1 }
            if queueHead > 4096 {
                minimumQueue.removeFirst(queueHead)
                queueHead = 0
            }
            let minimum = minimumQueue[queueHead].gain
            averageSum += minimum - averageWindow[averageIndex]
            averageWindow[averageIndex] = minimum
            averageIndex = (averageIndex + 1) % lookAhead
            let smoothed = min(minimum, averageSum / Float(lookAhead))
            gain = min(smoothed, gain + (1 - gain) * release)
            output[sample] = delay[2 * delayIndex] * gain
            output[sample + 1] = delay[2 * delayIndex + 1] * gain
            delay[2 * delayIndex] = left
            delay[2 * delayIndex + 1] = right
            delayIndex = (delayIndex + 1) % lookAhead
            frame += 1
        }
        return output
    }

    /// The held frames, limited (silence pushed through).
    mutating func flush() -> [Float] {
        process([Float](repeating: 0, count: 2 * lookAhead))
    }

    /// The largest magnitude at a quarter, a half and three quarters of the way between the
    /// two samples in the middle of the last eight, per channel: the oversampled (×4) estimate of
    /// the true peak, from an eight-tap Hann-windowed sinc.
    private mutating func intersamplePeak(_ left: Float, _ right: Float) -> Float {
        max(channelPeak(left, base: 0), channelPeak(right, base: 8))
    }

    /// One channel's part of ``intersamplePeak(_:_:)`` (its last eight samples start at `base`
    /// in `history`), without building an array per sample on this hot path.
    private mutating func channelPeak(_ value: Float, base: Int) -> Float {
        for index in 0..<7 { history[base + index] = history[base + index + 1] }
        history[base + 7] = value
        var peak: Float = 0
        for phase in 0..<3 {
            var sum: Float = 0
            for tap in 0..<8 { sum += history[base + tap] * Self.kernel[phase * 8 + tap] }
            peak = max(peak, abs(sum))
        }
        return peak
    }

    /// The interpolation kernel: for fractions 1/4, 1/2, 3/4 between taps 3 and 4 of eight.
    private static let kernel: [Float] = {
        var taps: [Float] = []
        for phase in 1...3 {
            let fraction = Double(phase) / 4
            var row: [Double] = []
            for tap in 0..<8 {
                let x = Double(tap) - 3 - fraction
                let sinc = x == 0 ? 1 : sin(Double.pi * x) / (Double.pi * x)
                let window = 0.5 + 0.5 * cos(Double.pi * x / 4.5)
                row.append(sinc * window)
            }
            let total = row.reduce(0, +)
            taps += row.map { Float($0 / total) }
        }
        return taps
    }()
}

import Foundation

/// The mixer's bass cut on one stereo deck: a second-order Butterworth high-pass (RBJ biquad) run
/// all the time, blended in and out over a few milliseconds when the cut is switched, so the
/// switch does not click.
struct LowCutFilter {
    private let b0: Double, b1: Double, b2: Double, a1: Double, a2: Double
    private var state = [Double](repeating: 0, count: 8)
    /// How much of the filtered signal is heard, 0…1.
    private var blend = 0.0
    private let step: Double

    /// A high-pass at `cutoff` Hz for `sampleRate`, switching over `switchSeconds`.
    init(cutoff: Double = 180, sampleRate: Double, switchSeconds: Double = 0.02) {
        let omega = 2 * Double.pi * cutoff / sampleRate
        let alpha = sin(omega) / 2.0.squareRoot()  // sin ω / 2Q with Q = 1/√2
        let cosine = cos(omega)
        let a0 = 1 + alpha
        b0 = (1 + cosine) / 2 / a0
        b1 = -(1 + cosine) / a0
        b2 = (1 + cosine) / 2 / a0
        a1 = -2 * cosine / a0
        a2 = (1 - alpha) / a0
        step = 1 / max(1, switchSeconds * sampleRate)
    }

    /// Filters interleaved stereo `samples` in place; `cut` says, per frame, whether the bass is
    /// cut.
    mutating func process(_ samples: inout [Float], cut: (Int) -> Bool) {
        let frames = samples.count / 2
        for frame in 0..<frames {
            let target = cut(frame) ? 1.0 : 0.0
            if blend < target { blend = min(target, blend + step) } else if blend > target { blend = max(target, blend - step) }
            for channel in 0..<2 {
                let x = Double(samples[2 * frame + channel])
                let base = channel * 4
                let y = b0 * x + b1 * state[base] + b2 * state[base + 1] - a1 * state[base + 2] - a2 * state[base + 3]
                state[base + 1] = state[base]
                state[base] = x
                state[base + 3] = state[base + 2]
                state[base + 2] = y
                if blend > 0 { samples[2 * frame + channel] = Float(x + blend * (y - x)) }
            }
        }
    }

    /// Forgets the filter's history (after a jump in the audio).
    mutating func reset() {
        state = [Double](repeating: 0, count: 8)
    }
}

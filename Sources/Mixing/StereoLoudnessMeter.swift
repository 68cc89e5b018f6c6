import CEBUR128
import Foundation

/// EBU R128 integrated loudness and true peak of interleaved stereo (libebur128): what the
/// renderer matches each track to before mixing and measures in the mix after.
final class StereoLoudnessMeter {
    private var state: UnsafeMutablePointer<ebur128_state>?

    /// A meter at `sampleRate` Hz, measuring the true peak as well when `truePeak`.
    init(sampleRate: Int, truePeak: Bool = false) {
        let mode = EBUR128_MODE_I.rawValue | (truePeak ? EBUR128_MODE_TRUE_PEAK.rawValue : 0)
        state = ebur128_init(2, UInt(sampleRate), Int32(mode))
    }

    deinit { ebur128_destroy(&state) }

    /// Adds interleaved stereo frames.
    func add(_ interleaved: [Float]) {
        guard let state, interleaved.count >= 2 else { return }
        interleaved.withUnsafeBufferPointer { _ = ebur128_add_frames_float(state, $0.baseAddress, $0.count / 2) }
    }

    /// Integrated loudness, LUFS; `nil` for silence or too little audio.
    var integrated: Double? {
        guard let state else { return nil }
        var value = 0.0
        guard ebur128_loudness_global(state, &value) == 0, value.isFinite, value > -70 else { return nil }
        return value
    }

    /// The highest true peak of either channel, dBTP (`nil` unless measured).
    var truePeakDB: Double? {
        guard let state else { return nil }
        var highest = 0.0
        for channel in 0..<2 {
            var peak = 0.0
            guard ebur128_true_peak(state, UInt32(channel), &peak) == 0 else { return nil }
            highest = max(highest, peak)
        }
        return highest > 0 ? 20 * log10(highest) : -.infinity
    }
}

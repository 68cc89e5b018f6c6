import CEBUR128

/// Integrated loudness (LUFS) and loudness range (LU) per EBU R128 / ITU-R BS.1770, measured
/// with libebur128 (K-weighting, 400 ms blocks, absolute −70 LUFS and relative −10 LU gates).
///
/// Segue analyses a mono downmix; for a file that had two or more channels the mono signal is
/// counted as dual mono (+3 dB), which is exact when the channels are equal and close for
/// typical, highly correlated club mixes.
public struct LoudnessMeter: Sendable {
    /// Creates a meter.
    public init() {}

    /// Measures `samples` at `sampleRate` Hz. Silence gives −70 LUFS (the absolute gate).
    public func measure(samples: [Float], sampleRate: Double, sourceChannels: Int) throws(AnalysisError) -> (integrated: Double, range: Double) {
        guard let state = ebur128_init(1, UInt(sampleRate), Int32(EBUR128_MODE_I.rawValue | EBUR128_MODE_LRA.rawValue)) else {
            throw .backend("libebur128 could not start at \(sampleRate) Hz")
        }
        var pointer: UnsafeMutablePointer<ebur128_state>? = state
        defer { ebur128_destroy(&pointer) }
        if sourceChannels >= 2 { _ = ebur128_set_channel(state, 0, Int32(EBUR128_DUAL_MONO.rawValue)) }
        let status = samples.withUnsafeBufferPointer { ebur128_add_frames_float(state, $0.baseAddress, $0.count) }
        guard status == Int32(EBUR128_SUCCESS.rawValue) else { throw .backend("libebur128 failed with code \(status)") }
        var integrated = 0.0, range = 0.0
        _ = ebur128_loudness_global(state, &integrated)
        _ = ebur128_loudness_range(state, &range)
        if !integrated.isFinite { integrated = -70 }
        if !range.isFinite { range = 0 }
        return (max(-70, integrated), max(0, range))
    }
}

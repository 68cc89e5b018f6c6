import CEBUR128

/// Integrated loudness (LUFS) and loudness range (LU) per EBU R128 / ITU-R BS.1770, measured
/// with libebur128 (K-weighting, 400 ms blocks, absolute −70 LUFS and relative −10 LU gates),
/// fed block by block.
///
/// Segue analyses a mono downmix; for a file that had two or more channels the mono signal is
/// counted as dual mono (+3 dB), which is exact when the channels are equal and close for
/// typical, highly correlated club mixes.
public final class LoudnessMeter {
    private var state: UnsafeMutablePointer<ebur128_state>?
    private var failure: Int32?

    /// Starts a measurement at `sampleRate` Hz for a file of `sourceChannels` channels.
    public init(sampleRate: Double, sourceChannels: Int) throws(AnalysisError) {
        guard sampleRate >= 1, sampleRate < 4_000_000,
              let state = ebur128_init(1, UInt(saturating: sampleRate), Int32(EBUR128_MODE_I.rawValue | EBUR128_MODE_LRA.rawValue)) else {
            throw .backend("libebur128 could not start at \(sampleRate) Hz")
        }
        self.state = state
        if sourceChannels >= 2 { _ = ebur128_set_channel(state, 0, Int32(EBUR128_DUAL_MONO.rawValue)) }
    }

    deinit { ebur128_destroy(&state) }

    /// Adds a block of mono samples.
    public func add(_ block: UnsafeBufferPointer<Float>) {
        guard failure == nil, block.count > 0 else { return }
        let status = ebur128_add_frames_float(state, block.baseAddress, block.count)
        if status != Int32(EBUR128_SUCCESS.rawValue) { failure = status }
    }

    /// Integrated loudness (silence gives −70 LUFS, the absolute gate) and loudness range.
    public func result() throws(AnalysisError) -> (integrated: Double, range: Double) {
        if let failure { throw .backend("libebur128 failed with code \(failure)") }
        var integrated = 0.0, range = 0.0
        _ = ebur128_loudness_global(state, &integrated)
        _ = ebur128_loudness_range(state, &range)
        if !integrated.isFinite { integrated = -70 }
        if !range.isFinite { range = 0 }
        return (max(-70, integrated), max(0, range))
    }

    /// Measures a whole signal at once.
    public static func measure(samples: [Float], sampleRate: Double, sourceChannels: Int) throws(AnalysisError) -> (integrated: Double, range: Double) {
        let meter = try LoudnessMeter(sampleRate: sampleRate, sourceChannels: sourceChannels)
        samples.withUnsafeBufferPointer { meter.add($0) }
        return try meter.result()
    }
}

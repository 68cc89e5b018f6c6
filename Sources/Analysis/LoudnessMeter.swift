import CEBUR128

/// Integrated loudness (LUFS) and loudness range (LU) per EBU R128 / ITU-R BS.1770, measured
/// with libebur128 (K-weighting, 400 ms blocks, absolute −70 LUFS and relative −10 LU gates),
/// fed block by block.
///
/// BS.1770 sums the K-weighted power of every channel, so a file is measured as it is: a stereo
/// file's two channels at its own rate (``init(sampleRate:channels:)`` and
/// ``addInterleaved(_:)``). A mono downmix reads low on wide stereo (uncorrelated channels lose
/// up to 3 dB when averaged); it is measured only when the source channels are not at hand
/// (``init(sampleRate:sourceChannels:)``), and then counted as dual mono (+3 dB) for a file
/// that had two or more channels, which is exact when the channels are equal.
public final class LoudnessMeter {
    private var state: UnsafeMutablePointer<ebur128_state>?
    private var failure: Int32?
    /// Channels per frame of the samples this meter takes.
    public let channels: Int

    /// Starts a measurement of a file's own channels at its own rate: `channels` interleaved
    /// channels at `sampleRate` Hz, in the WAV/FLAC order (left, right, centre, LFE, left
    /// surround, right surround; the LFE is not counted, as BS.1770 says).
    public init(sampleRate: Double, channels: Int) throws(AnalysisError) {
        guard sampleRate >= 1, sampleRate < 4_000_000, (1...64).contains(channels),
              let state = ebur128_init(UInt32(channels), UInt(saturating: sampleRate), Int32(EBUR128_MODE_I.rawValue | EBUR128_MODE_LRA.rawValue)) else {
            throw .backend("libebur128 could not start at \(sampleRate) Hz with \(channels) channels")
        }
        self.state = state
        self.channels = channels
    }

    /// Starts a measurement of a mono downmix at `sampleRate` Hz of a file of `sourceChannels`
    /// channels (dual mono when it had two or more).
    public convenience init(sampleRate: Double, sourceChannels: Int) throws(AnalysisError) {
        try self.init(sampleRate: sampleRate, channels: 1)
        if sourceChannels >= 2 { _ = ebur128_set_channel(state, 0, Int32(EBUR128_DUAL_MONO.rawValue)) }
    }

    deinit { ebur128_destroy(&state) }

    /// Adds a block of mono samples (for a meter of one channel).
    public func add(_ block: UnsafeBufferPointer<Float>) { addInterleaved(block) }

    /// Adds interleaved frames of ``channels`` channels; a partial last frame is ignored.
    public func addInterleaved(_ block: UnsafeBufferPointer<Float>) {
        let frames = block.count / channels
        guard failure == nil, frames > 0 else { return }
        let status = ebur128_add_frames_float(state, block.baseAddress, frames)
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

    /// Measures a whole mono signal at once.
    public static func measure(samples: [Float], sampleRate: Double, sourceChannels: Int) throws(AnalysisError) -> (integrated: Double, range: Double) {
        let meter = try LoudnessMeter(sampleRate: sampleRate, sourceChannels: sourceChannels)
        samples.withUnsafeBufferPointer { meter.add($0) }
        return try meter.result()
    }
}

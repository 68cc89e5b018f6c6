import CSampleRate
import DJModel

/// A band-limited sample-rate converter (libsamplerate's sinc interpolator) fed block by block,
/// so that a long file is never held in memory at both rates. Several channels are passed
/// interleaved.
public final class StreamingResampler {
    /// Output rate ÷ input rate.
    public let ratio: Double
    /// Interleaved channels per frame.
    public let channels: Int
    private let state: OpaquePointer
    private var output: [Float]

    /// Quality/speed of the sinc converter.
    public enum Quality: Sendable {
        /// `SRC_SINC_FASTEST`: 97 dB SNR, enough for analysis.
        case fastest
        /// `SRC_SINC_MEDIUM_QUALITY`.
        case medium
        /// `SRC_SINC_BEST_QUALITY`.
        case best

        var converter: Int32 {
            switch self {
            case .fastest: return Int32(SRC_SINC_FASTEST)
            case .medium: return Int32(SRC_SINC_MEDIUM_QUALITY)
            case .best: return Int32(SRC_SINC_BEST_QUALITY)
            }
        }
    }

    /// Creates a converter of `channels` interleaved channels (1…8) from `inputRate` to
    /// `outputRate` Hz (ratio within 1/256…256).
    public init(inputRate: Double, outputRate: Double, quality: Quality = .fastest, channels: Int = 1) throws(AudioIOError) {
        guard inputRate > 0, outputRate > 0, (1.0 / 256...256).contains(outputRate / inputRate) else {
            throw .invalidParameter(InvalidParameter("sample rates", "\(inputRate) Hz to \(outputRate) Hz cannot be resampled"))
        }
        guard (1...8).contains(channels) else { throw .invalidParameter(InvalidParameter("channels", "must be 1…8, got \(channels)")) }
        ratio = outputRate / inputRate
        self.channels = channels
        var error: Int32 = 0
        guard let state = src_new(quality.converter, Int32(channels), &error) else {
            throw .invalidParameter(InvalidParameter("libsamplerate", "\(String(validatingCString: src_strerror(error)) ?? "error \(error)")"))
        }
        self.state = state
        output = []
    }

    deinit { src_delete(state) }

    /// Forgets the converter's history, for input that does not continue the last (after a seek).
    public func reset() { src_reset(state) }

    /// Converts one block of interleaved frames; pass `endOfInput: true` with the last block
    /// (possibly empty) to flush.
    /// - Returns: the output samples (interleaved) produced by this call.
    public func process(_ input: [Float], endOfInput: Bool) throws(AudioIOError) -> [Float] {
        let capacity = (Int(saturating: Double(input.count / channels) * ratio) + 256) * channels
        var produced: [Float] = []
        produced.reserveCapacity(capacity)
        var consumed = 0
        var scratch = [Float](repeating: 0, count: capacity)
        // libsamplerate wants a valid input pointer even when draining with no input left.
        let source = input.isEmpty ? [Float](repeating: 0, count: channels) : input
        while true {
            var data = SRC_DATA()
            let remaining = (input.count - consumed) / channels
            let status: Int32 = source.withUnsafeBufferPointer { inputBuffer in
                scratch.withUnsafeMutableBufferPointer { outputBuffer in
                    data.data_in = inputBuffer.baseAddress! + min(consumed, max(0, inputBuffer.count - channels))
                    data.input_frames = remaining
                    data.data_out = outputBuffer.baseAddress
                    data.output_frames = outputBuffer.count / channels
                    data.end_of_input = endOfInput ? 1 : 0
                    data.src_ratio = ratio
                    return src_process(state, &data)
                }
            }
            guard status == 0 else {
                throw .invalidParameter(InvalidParameter("libsamplerate", "\(String(validatingCString: src_strerror(status)) ?? "error \(status)")"))
            }
            consumed += data.input_frames_used * channels
            produced.append(contentsOf: scratch[0..<data.output_frames_gen * channels])
            if data.output_frames_gen == 0 && consumed >= input.count { break }
            if !endOfInput && consumed >= input.count { break }
        }
        return produced
    }
}

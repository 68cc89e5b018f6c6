import CSndFile
#if canImport(Glibc)
import Glibc
import DJModel
#endif

/// Decodes WAV, AIFF, FLAC, OGG/Vorbis, Opus and MP3 (libsndfile; the container is detected from
/// the content, not the extension) into mono Float PCM at a chosen rate.
///
/// Decoding streams in blocks: downmix and resampling happen per block, so a 2-hour file is held
/// once, at the analysis rate. MP3 frame counts from the header are approximate, so reading
/// always continues to the end of the stream.
public struct AudioDecoder: Sendable {
    /// Frames read per block.
    public let blockFrames: Int

    /// Creates a decoder reading `blockFrames` frames at a time (1024…1 048 576).
    public init(blockFrames: Int = 65536) throws(AudioIOError) {
        guard (1024...1_048_576).contains(blockFrames) else {
            throw .invalidParameter(InvalidParameter("block size", "must be in 1024…1048576 frames, got \(blockFrames)"))
        }
        self.blockFrames = blockFrames
    }

    /// Decodes `path` to mono at `sampleRate` Hz (`nil` keeps the file's rate).
    ///
    /// - Throws: ``AudioIOError/unreadable(path:reason:)`` for a missing, corrupt or non-audio
    ///   file; ``AudioIOError/empty(path:)`` when no sample could be decoded.
    /// - Complexity: O(samples); memory O(output samples + one block).
    public func decode(path: String, sampleRate: Double? = nil) throws(AudioIOError) -> DecodedAudio {
        var output: [Float] = []
        let format = try stream(path: path, sampleRate: sampleRate, onStart: { output.reserveCapacity($0.expectedFrames ?? 0) }) { block in
            output.append(contentsOf: block)
        }
        return DecodedAudio(samples: output, sampleRate: format.sampleRate, sourceChannels: format.sourceChannels,
                            sourceSampleRate: format.sourceSampleRate)
    }

    /// Decodes `path` to mono at `sampleRate` Hz (`nil` keeps the file's rate) and hands the
    /// samples to `body` block by block, so that a 2-hour mix never sits in memory whole.
    /// Non-finite samples from broken streams arrive as 0.
    ///
    /// - Parameters:
    ///   - onStart: called once, before the first block, with the stream's format.
    ///   - onSourceFrames: when given, receives every decoded block as the file has it, before
    ///     downmix and resampling: interleaved frames of ``StreamFormat/sourceChannels`` channels
    ///     at ``StreamFormat/sourceSampleRate`` (what a multichannel loudness meter needs).
    /// - Returns: the stream's format.
    /// - Throws: as ``decode(path:sampleRate:)``.
    /// - Complexity: O(samples); memory O(one block).
    @discardableResult
    public func stream(path: String, sampleRate: Double? = nil, onStart: (StreamFormat) -> Void = { _ in },
                       onSourceFrames: ((UnsafeBufferPointer<Float>) -> Void)? = nil,
                       _ body: (UnsafeBufferPointer<Float>) -> Void) throws(AudioIOError) -> StreamFormat {
        var info = SF_INFO()
        let descriptor = try RegularFile.open(path)
        // libsndfile owns the descriptor from here (close_desc 1): sf_close closes it, and a failed
        // sf_open_fd has already closed it — closing it again here could close a descriptor
        // another thread has just been given.
        guard let file = sf_open_fd(descriptor, Int32(SFM_READ), &info, 1) else {
            let reason = RegularFile.describeUnrecognised(path: path, library: String(validatingCString: sf_strerror(nil)) ?? "unknown error")
            throw .unreadable(path: path, reason: reason)
        }
        defer { sf_close(file) }
        let channels = Int(info.channels)
        let sourceRate = Double(info.samplerate)
        guard channels > 0, sourceRate > 0 else { throw .unreadable(path: path, reason: "no channels or no sample rate") }
        let targetRate = sampleRate ?? sourceRate
        var resampler = targetRate == sourceRate ? nil : try MonoResampler(inputRate: sourceRate, outputRate: targetRate)
        let announced = info.frames > 0 && info.frames < Int64.max / 2
            ? Int(saturating: Double(info.frames) * targetRate / sourceRate) + blockFrames : nil
        let format = StreamFormat(sampleRate: targetRate, sourceChannels: channels, sourceSampleRate: sourceRate,
                                  expectedFrames: announced)
        onStart(format)
        var interleaved = [Float](repeating: 0, count: blockFrames * channels)
        var mono = [Float](repeating: 0, count: blockFrames)
        let scale = 1 / Float(channels)
        var decodedFrames = 0
        func deliver(_ samples: inout [Float], count: Int) {
            samples.withUnsafeMutableBufferPointer { buffer in
                for index in 0..<count where !buffer[index].isFinite { buffer[index] = 0 }
                body(UnsafeBufferPointer(rebasing: buffer[0..<count]))
            }
        }
        while true {
            let read = Int(interleaved.withUnsafeMutableBufferPointer { sf_readf_float(file, $0.baseAddress, sf_count_t(blockFrames)) })
            if read <= 0 { break }
            decodedFrames += read
            if let onSourceFrames {
                interleaved.withUnsafeMutableBufferPointer { buffer in
                    for index in 0..<(read * channels) where !buffer[index].isFinite { buffer[index] = 0 }
                    onSourceFrames(UnsafeBufferPointer(rebasing: buffer[0..<(read * channels)]))
                }
            }
            interleaved.withUnsafeBufferPointer { source in
                mono.withUnsafeMutableBufferPointer { target in
                    if channels == 1 {
                        for frame in 0..<read { target[frame] = source[frame] }
                    } else {
                        for frame in 0..<read {
                            var sum: Float = 0
                            for channel in 0..<channels { sum += source[frame * channels + channel] }
                            target[frame] = sum * scale
                        }
                    }
                }
            }
            if resampler != nil {
                var converted = try mono.withUnsafeBufferPointer { buffer throws(AudioIOError) in
                    try resampler!.process(UnsafeBufferPointer(rebasing: buffer[0..<read]))
                }
                deliver(&converted, count: converted.count)
            } else {
                deliver(&mono, count: read)
            }
        }
        if resampler != nil {
            var tail = try resampler!.finish()
            deliver(&tail, count: tail.count)
        }
        guard decodedFrames > 0 else {
            let error = sf_error(file)
            if error != 0 { throw .unreadable(path: path, reason: String(validatingCString: sf_strerror(file)) ?? "decode error") }
            throw .empty(path: path)
        }
        return format
    }
}

/// The format of a decoded stream.
public struct StreamFormat: Sendable, Hashable {
    /// Sample rate of the delivered mono samples in Hz.
    public var sampleRate: Double
    /// Channel count of the source file.
    public var sourceChannels: Int
    /// Sample rate of the source file in Hz.
    public var sourceSampleRate: Double
    /// Output samples the header announces (approximate for MP3), if it announces a length.
    public var expectedFrames: Int?
}

/// The decoder's converter to the asked rate: a table-driven polyphase filter where the two
/// rates are in a small ratio (every common rate), libsamplerate's sinc converter otherwise.
enum MonoResampler {
    case polyphase(PolyphaseResampler)
    case sinc(StreamingResampler)

    init(inputRate: Double, outputRate: Double) throws(AudioIOError) {
        if let table = PolyphaseResampler(inputRate: inputRate, outputRate: outputRate) {
            self = .polyphase(table)
        } else {
            self = .sinc(try StreamingResampler(inputRate: inputRate, outputRate: outputRate))
        }
    }

    /// Converts the next block.
    mutating func process(_ input: UnsafeBufferPointer<Float>) throws(AudioIOError) -> [Float] {
        switch self {
        case .polyphase(var table):
            var output: [Float] = []
            output.reserveCapacity(Int(Double(input.count) * table.ratio) + 2)
            table.process(input, into: &output)
            self = .polyphase(table)
            return output
        case .sinc(let converter):
            return try converter.process(Array(input), endOfInput: false)
        }
    }

    /// Flushes the converter at the end of the stream.
    mutating func finish() throws(AudioIOError) -> [Float] {
        switch self {
        case .polyphase(var table):
            var output: [Float] = []
            table.finish(into: &output)
            self = .polyphase(table)
            return output
        case .sinc(let converter):
            return try converter.process([], endOfInput: true)
        }
    }
}

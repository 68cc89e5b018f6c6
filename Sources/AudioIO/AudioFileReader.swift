import CSndFile
import DJModel

/// Reads an audio file as stereo Float frames at a chosen rate, block by block, from any point:
/// the reader a renderer plays a deck from. Mono files play on both channels; files with more
/// than two channels keep their first two. Non-finite samples read as 0.
///
/// Not thread-safe: one deck, one reader.
public final class AudioFileReader {
    /// The file.
    public let path: String
    /// Output rate, Hz.
    public let sampleRate: Double
    /// The file's own rate, Hz.
    public let sourceSampleRate: Double
    /// Frames in the file at ``sampleRate`` (from its header: approximate for MP3).
    public let frameCount: Int
    private let file: OpaquePointer
    private let channels: Int
    private let resampler: StreamingResampler?
    private var interleaved: [Float]
    /// Output frames (interleaved stereo) read ahead of the caller.
    private var pending: [Float] = []
    private var pendingStart = 0
    /// The output frame the next ``read(frames:)`` starts at.
    public private(set) var position = 0
    private var sourceEnded = false
    private let blockFrames = 16_384

    /// Opens `path` for reading at `sampleRate` Hz.
    /// - Parameter scanned: what the library recorded about the file, when it is a library
    ///   track's: the file is then opened without following a link and checked to be that file.
    /// - Throws: ``AudioIOError/unreadable(path:reason:)`` for a missing, corrupt or non-audio
    ///   file, or one that is no longer the scanned file.
    public init(path: String, sampleRate: Double, scanned: ScannedFile? = nil) throws(AudioIOError) {
        var info = SF_INFO()
        let descriptor = if let scanned { try scanned.open(path) } else { try RegularFile.open(path) }
        guard let file = sf_open_fd(descriptor, Int32(SFM_READ), &info, 1) else {
            let reason = RegularFile.describeUnrecognised(path: path, library: String(validatingCString: sf_strerror(nil)) ?? "unknown error")
            throw .unreadable(path: path, reason: reason)
        }
        guard info.channels > 0, info.samplerate > 0 else {
            sf_close(file)
            throw .unreadable(path: path, reason: "no channels or no sample rate")
        }
        self.path = path
        self.file = file
        self.sampleRate = sampleRate
        channels = Int(info.channels)
        sourceSampleRate = Double(info.samplerate)
        frameCount = info.frames > 0 && info.frames < Int64.max / 2 ? Int(saturating: Double(info.frames) * sampleRate / sourceSampleRate) : 0
        do {
            resampler = sourceSampleRate == sampleRate
                ? nil : try StreamingResampler(inputRate: sourceSampleRate, outputRate: sampleRate, quality: .medium, channels: 2)
        } catch {
            sf_close(file)
            throw error
        }
        interleaved = [Float](repeating: 0, count: blockFrames * channels)
    }

    deinit { sf_close(file) }

    /// Moves to output frame `frame` (clamped at 0); the next read starts there.
    /// - Throws: ``AudioIOError/unreadable(path:reason:)`` when the file cannot seek.
    public func seek(to frame: Int) throws(AudioIOError) {
        let target = max(0, frame)
        if target == position { return }
        let sourceFrame = Int64(saturating: (Double(target) * sourceSampleRate / sampleRate).rounded())
        guard sf_seek(file, sf_count_t(sourceFrame), SEEK_SET) >= 0 else {
            throw .unreadable(path: path, reason: "cannot seek to \((Double(target) / sampleRate * 1000).rounded() / 1000) s")
        }
        resampler?.reset()
        pending = []
        pendingStart = 0
        sourceEnded = false
        position = target
    }

    /// Reads up to `frames` stereo frames, interleaved (left, right), from ``position``; fewer
    /// (possibly none) at the end of the file.
    /// - Throws: ``AudioIOError/unreadable(path:reason:)`` for a decoding error.
    public func read(frames: Int) throws(AudioIOError) -> [Float] {
        while (pending.count - pendingStart) / 2 < frames && !sourceEnded {
            try decodeBlock()
        }
        let available = min(frames, (pending.count - pendingStart) / 2)
        let output = Array(pending[pendingStart..<(pendingStart + 2 * available)])
        pendingStart += 2 * available
        if pendingStart > 1 << 18 {
            pending.removeFirst(pendingStart)
            pendingStart = 0
        }
        position += available
        return output
    }

    /// Decodes one block of the file into ``pending`` as stereo at the output rate.
    private func decodeBlock() throws(AudioIOError) {
        let read = Int(interleaved.withUnsafeMutableBufferPointer { sf_readf_float(file, $0.baseAddress, sf_count_t(blockFrames)) })
        if read <= 0 {
            if sf_error(file) != 0 { throw .unreadable(path: path, reason: String(validatingCString: sf_strerror(file)) ?? "decode error") }
            sourceEnded = true
            if let resampler { pending += try resampler.process([], endOfInput: true) }
            return
        }
        var stereo = [Float](repeating: 0, count: read * 2)
        for frame in 0..<read {
            let left = interleaved[frame * channels]
            let right = channels > 1 ? interleaved[frame * channels + 1] : left
            stereo[2 * frame] = left.isFinite ? left : 0
            stereo[2 * frame + 1] = right.isFinite ? right : 0
        }
        if let resampler {
            pending += try resampler.process(stereo, endOfInput: false)
        } else {
            pending += stereo
        }
    }
}

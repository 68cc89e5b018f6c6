import CSndFile
import DJModel

/// Containers Segue writes.
public enum AudioContainer: String, Sendable, CaseIterable {
    case wav, aiff, flac, ogg, mp3

    /// The container for a file extension (`wav`, `aif`/`aiff`, `flac`, `ogg`, `mp3`).
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "wav", "wave": self = .wav
        case "aif", "aiff": self = .aiff
        case "flac": self = .flac
        case "ogg", "oga": self = .ogg
        case "mp3": self = .mp3
        default: return nil
        }
    }

    func sndfileFormat(bitDepth: PCMBitDepth) -> Int32 {
        let pcm = bitDepth == .twentyFour ? SF_FORMAT_PCM_24 : SF_FORMAT_PCM_16
        switch self {
        case .wav: return Int32(SF_FORMAT_WAV | pcm)
        case .aiff: return Int32(SF_FORMAT_AIFF | pcm)
        case .flac: return Int32(SF_FORMAT_FLAC | pcm)
        case .ogg: return Int32(SF_FORMAT_OGG | SF_FORMAT_VORBIS)
        case .mp3: return Int32(SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III)
        }
    }
}

/// Sample width of the lossless containers (WAV, AIFF, FLAC); the lossy ones ignore it.
public enum PCMBitDepth: Int, Sendable, CaseIterable {
    case sixteen = 16, twentyFour = 24
}

/// Writes PCM to WAV, AIFF, FLAC (16-bit), OGG/Vorbis or MP3 with libsndfile, then the tags
/// with ``TagWriter``.
public struct AudioEncoder: Sendable {
    /// Creates an encoder.
    public init() {}

    /// Writes `channels` (one array per channel, equal lengths) at `sampleRate` Hz to `path`,
    /// choosing the container from the extension, at `bitDepth` for the lossless containers.
    /// Samples are clipped to −1…1.
    public func write(channels: [[Float]], sampleRate: Int, to path: String, bitDepth: PCMBitDepth = .sixteen,
                      metadata: TrackMetadata = TrackMetadata()) throws(AudioIOError) {
        let fileExtension = path.split(separator: ".").last.map(String.init) ?? ""
        guard let container = AudioContainer(fileExtension: fileExtension) else { throw .unsupportedFormat(fileExtension) }
        guard let frameCount = channels.first?.count, channels.allSatisfy({ $0.count == frameCount }), !channels.isEmpty else {
            throw .invalidParameter(InvalidParameter("channels", "must be non-empty and of equal length"))
        }
        guard (8000...192_000).contains(sampleRate) else { throw .invalidParameter(InvalidParameter("sample rate", "\(sampleRate) Hz is out of 8000…192000")) }
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate)
        info.channels = Int32(channels.count)
        info.format = container.sndfileFormat(bitDepth: bitDepth)
        guard sf_format_check(&info) != 0 else { throw .unwritable(path: path, reason: "libsndfile rejects this format") }
        guard let file = sf_open(path, Int32(SFM_WRITE), &info) else {
            throw .unwritable(path: path, reason: String(validatingCString: sf_strerror(nil)) ?? "open failed")
        }
        let block = 65536
        var interleaved = [Float](repeating: 0, count: block * channels.count)
        var start = 0
        while start < frameCount {
            let count = min(block, frameCount - start)
            for frame in 0..<count {
                for (channelIndex, channel) in channels.enumerated() {
                    interleaved[frame * channels.count + channelIndex] = max(-1, min(1, channel[start + frame]))
                }
            }
            let written = interleaved.withUnsafeBufferPointer { sf_writef_float(file, $0.baseAddress, sf_count_t(count)) }
            guard written == count else {
                let reason = String(validatingCString: sf_strerror(file)) ?? "short write"
                sf_close(file)
                throw .unwritable(path: path, reason: reason)
            }
            start += count
        }
        guard sf_close(file) == 0 else { throw .unwritable(path: path, reason: "close failed") }
        if metadata != TrackMetadata() { try TagWriter().write(metadata, to: path) }
    }
}

import CSndFile
import DJModel
#if canImport(Glibc)
import Glibc
#endif

/// Writes interleaved Float frames to an audio file block by block (WAV, AIFF, FLAC, OGG/Vorbis,
/// MP3; the container from the extension), so a two-hour mix is never held in memory.
///
/// The audio goes to a hidden file beside the final one (`.NAME.part-RANDOM.EXT`, created
/// exclusively: ``ExclusiveFile``), renamed to the final name
/// only by ``finish()``: a render that fails, is cancelled or is killed leaves no half-written
/// file under the final name. ``cancel()`` (or dropping an unfinished writer) deletes the part.
public final class AudioFileWriter {
    /// The final path.
    public let path: String
    /// The file being written until ``finish()``.
    public let partPath: String
    /// Channels per frame.
    public let channels: Int
    private var file: OpaquePointer?
    /// Frames written so far.
    public private(set) var framesWritten = 0

    /// Opens a part file for `channels` channels at `sampleRate` Hz, to become `path`.
    /// - Throws: ``AudioIOError/unsupportedFormat(_:)`` for an extension Segue does not write,
    ///   ``AudioIOError/unwritable(path:reason:)`` when the folder cannot take the file.
    public init(path: String, channels: Int, sampleRate: Int, bitDepth: PCMBitDepth = .sixteen) throws(AudioIOError) {
        let fileExtension = path.split(separator: ".").last.map(String.init) ?? ""
        guard let container = AudioContainer(fileExtension: fileExtension), path.contains(".") else { throw .unsupportedFormat(fileExtension) }
        guard (1...8).contains(channels) else { throw .invalidParameter(InvalidParameter("channels", "must be 1…8, got \(channels)")) }
        guard (8000...192_000).contains(sampleRate) else {
            throw .invalidParameter(InvalidParameter("sample rate", "\(sampleRate) Hz is out of 8000…192000"))
        }
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate)
        info.channels = Int32(channels)
        info.format = container.sndfileFormat(bitDepth: bitDepth)
        guard sf_format_check(&info) != 0 else { throw .unwritable(path: path, reason: "libsndfile rejects this format") }
        // A new file under a random name, never a link or another writer's part (ExclusiveFile).
        let part = try ExclusiveFile.createPart(beside: path)
        partPath = part.partPath
        self.path = path
        self.channels = channels
        guard let file = sf_open_fd(part.descriptor, Int32(SFM_WRITE), &info, 1) else {
            unlink(part.partPath)
            throw .unwritable(path: path, reason: String(validatingCString: sf_strerror(nil)) ?? "open failed")
        }
        self.file = file
    }

    deinit {
        if file != nil { cancel() }
    }

    /// Appends interleaved frames, clipped to −1…1.
    /// - Throws: ``AudioIOError/unwritable(path:reason:)`` on a short write (a full disk); the
    ///   part file is then deleted.
    public func write(_ interleaved: [Float]) throws(AudioIOError) {
        guard let file else { throw .unwritable(path: path, reason: "the writer is closed") }
        let frames = interleaved.count / channels
        guard frames > 0 else { return }
        let clipped = interleaved.map { max(-1, min(1, $0)) }
        let written = clipped.withUnsafeBufferPointer { sf_writef_float(file, $0.baseAddress, sf_count_t(frames)) }
        guard written == frames else {
            let reason = String(validatingCString: sf_strerror(file)) ?? "short write"
            cancel()
            throw .unwritable(path: path, reason: reason)
        }
        framesWritten += frames
    }

    /// Closes the file and gives it its final name (replacing an older file of that name).
    /// - Throws: ``AudioIOError/unwritable(path:reason:)`` when closing or renaming fails (the
    ///   part file is then deleted).
    public func finish() throws(AudioIOError) {
        guard let file else { throw .unwritable(path: path, reason: "the writer is closed") }
        self.file = nil
        guard sf_close(file) == 0 else {
            unlink(partPath)
            throw .unwritable(path: path, reason: "close failed")
        }
        try ExclusiveFile.commit(partPath, to: path)
    }

    /// Abandons the file: closes and deletes the part; the final name is left untouched.
    public func cancel() {
        if let file { sf_close(file) }
        file = nil
        unlink(partPath)
    }
}

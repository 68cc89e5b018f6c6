import AudioIO
import Mixing
import DJModel
import Foundation

/// A library track's audio file, for a player (`GET /tracks/{id}/audio`).
public struct TrackAudioFile: Sendable, Hashable {
    /// The file, as the library stores it.
    public var path: String
    /// Its media type, from its extension (`audio/flac`, `audio/mpeg`, …).
    public var contentType: String

    /// The media type of an audio file with extension `fileExtension` (any case).
    public static func contentType(ofExtension fileExtension: String) -> String {
        switch fileExtension.lowercased() {
        case "wav", "wave": "audio/wav"
        case "flac": "audio/flac"
        case "ogg", "oga", "opus": "audio/ogg"
        case "mp3": "audio/mpeg"
        case "aif", "aiff", "aifc": "audio/aiff"
        case "m4a", "mp4", "aac": "audio/mp4"
        default: "application/octet-stream"
        }
    }
}

extension Segue {
    /// The audio file of library track `id`: only a file the library knows, found by its id.
    /// - Throws: ``SegueError`` `.notFound` for an unknown track, a catalogue track without a
    ///   file, or a file that is gone or no longer a regular file (named in the message).
    public func trackAudioFile(id: Int64) throws(SegueError) -> TrackAudioFile {
        guard let track = try libraryCall({ try library.track(id: TrackID(id)) }) else { throw SegueError(.notFound, "no track with id \(id)") }
        guard let path = track.path, !path.isEmpty else { throw SegueError(.notFound, "track \(id) has no audio file in the library") }
        switch FileKind.of(path) {
        case .regular: break
        case .directory, .special: throw SegueError(.notFound, "the audio file of track \(id) is no longer a file: \(path)")
        case .missing(let reason): throw SegueError(.notFound, "the audio file of track \(id) is missing (\(reason)): \(path)")
        }
        return TrackAudioFile(path: path, contentType: TrackAudioFile.contentType(ofExtension: (path as NSString).pathExtension))
    }

    /// Opens library track `id`'s audio file for reading, checked on the open descriptor to be the
    /// file that was scanned (``ScannedFile/open(_:)``: no link followed, same size, time and
    /// content). A file that is not is refused and the track marked for the next scan.
    /// - Returns: the open descriptor (the caller closes it), the media type and the size in bytes.
    /// - Throws: ``SegueError`` `.notFound` for an unknown track, a track without a file, or a file
    ///   that is gone or is no longer the scanned file.
    public func openTrackAudio(id: Int64) throws(SegueError) -> (descriptor: Int32, contentType: String, size: Int64) {
        let file = try trackAudioFile(id: id)
        guard let scanned = try scannedFile(of: TrackID(id), at: file.path) else {
            throw SegueError(.notFound, "track \(id) has no scanned audio file")
        }
        do {
            return (try scanned.open(file.path), file.contentType, scanned.size)
        } catch {
            try? library.markForRescan(TrackID(id))
            throw SegueError(.notFound, "track \(id)'s audio is not available: \(error.description)")
        }
    }

    /// What the library recorded about each of `set`'s files, by position: the renderer then reads
    /// only the files that were scanned. A track whose path is not its library track's (a set
    /// edited by hand) gets nil, and is read as any file a DJ names.
    func scannedFiles(of set: DJSet) throws(SegueError) -> [ScannedFile?] {
        var files: [ScannedFile?] = []
        for entry in set.tracks { files.append(try scannedFile(of: entry.id, at: entry.path)) }
        return files
    }

    /// What the last scan recorded about track `id`'s file, when that file is `path` (nil for a
    /// track without a scanned file, or whose library path is another).
    func scannedFile(of id: TrackID, at path: String) throws(SegueError) -> ScannedFile? {
        guard let stored = try libraryCall({ try library.scannedFile(of: id) }), stored.path == path, stored.size >= 0 else { return nil }
        return ScannedFile(size: stored.size, modifiedAt: stored.modifiedAt, contentHash: stored.contentHash)
    }

    /// A stored set of this library laid out for rendering (``renderLayout(for:scanned:)``): each
    /// file read only if it is still the file that was scanned; a track that is not this
    /// library's is missing.
    public func renderLayout(forStored set: DJSet) throws(SegueError) -> RenderLayout {
        try Self.renderLayout(for: set, scanned: try scannedFiles(of: set))
    }

    /// ``renderTransitionPreview(of:number:to:scanned:)`` for a stored set of this library.
    public func renderTransitionPreview(ofStored set: DJSet, number: Int, to path: String) throws(SegueError) -> RenderReport {
        try Self.renderTransitionPreview(of: set, number: number, to: path, scanned: try scannedFiles(of: set))
    }

    /// `track` as a deck plays it (its scanned file, its grid), or `nil` without a file or analysis.
    func mixTrack(for track: Track) throws(SegueError) -> MixTrack? {
        guard let path = track.path, let analysis = track.analysis, analysis.tempo.bpm > 0 else { return nil }
        return MixTrack(path: path, name: "\(track.metadata.artist) – \(track.metadata.title)", bpm: analysis.tempo.bpm,
                        firstBeat: analysis.tempo.firstBeat, duration: analysis.duration, scanned: try scannedFile(of: track.id, at: path))
    }
}

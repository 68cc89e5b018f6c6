import AudioIO
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
}

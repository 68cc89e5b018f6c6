import AudioIO
import DJModel
import Foundation
import Library

extension Segue {
    /// Words a track query may have (more is refused: each word is a scan of the library).
    public static let maxQueryWords = 32
    /// Characters a track query may have.
    public static let maxQueryCharacters = 1000

    /// Finds the one analysed track a user means by `query`: a track id, a library file path, or
    /// `artist - title` (or any words of them), or — only when ``queryFiles`` is
    /// `.localPlaylists` — a playlist file (any format Segue reads): its last track that is in the
    /// library, so a set continues where the playlist ends.
    /// - Parameter suggestClosest: list the closest tracks when nothing matches (a scan of the
    ///   whole library: for a seed, not for each of many exclude entries).
    /// - Throws: ``SegueError`` listing the closest matches when nothing or several tracks match.
    public func resolveTrack(_ query: String, suggestClosest: Bool = true) throws(SegueError) -> Track {
        let text = query.trimmingWhitespace
        guard !text.isEmpty else { throw SegueError(.invalidInput, "empty track query") }
        try Self.checkQuerySize(text)
        if let id = Int64(text) {
            if let track = try libraryCall({ try library.track(id: TrackID(id)) }), track.analysis != nil { return track }
            throw SegueError(.notFound, "no analysed track with id \(id)")
        }
        // A remote client's query is only compared with stored paths, never looked up on disk.
        let absolute = queryFiles == .localPlaylists ? CanonicalPath.of(text) : CanonicalPath.standardized(text)
        if let track = try libraryCall({ try library.track(path: absolute) }), track.analysis != nil { return track }
        if queryFiles == .localPlaylists, text.contains("/"),
           PlaylistFileReader.extensions.contains((absolute as NSString).pathExtension.lowercased()),
           case .regular = FileKind.of(absolute) {
            return try lastLibraryTrack(ofPlaylist: absolute)
        }
        let parts = text.components(separatedBy: " - ")
        if parts.count >= 2 {
            let exact = try libraryCall { try library.tracks(matchingArtist: parts[0], title: parts.dropFirst().joined(separator: " - ")) }
                .filter { $0.analysis != nil }
            if exact.count == 1 { return exact[0] }
        }
        let words = text.replacingOccurrences(of: " - ", with: " ")
        let found = try libraryCall { try library.search(words, limit: 6, offset: 0) }
        if found.total == 1 { return found.tracks[0] }
        if found.total > 1 {
            guard suggestClosest else { throw SegueError(.invalidInput, "'\(text.prefix(200))' matches \(found.total) tracks; use an id") }
            let names = found.tracks.prefix(5).map { "  \($0.id): \($0.metadata.displayName)" }.joined(separator: "\n")
            throw SegueError(.invalidInput, "'\(text)' matches \(found.total) tracks; be more specific or use an id:\n\(names)")
        }
        guard suggestClosest else { throw SegueError(.notFound, "no track matches '\(text.prefix(200))'") }
        let all = try libraryCall { try library.analysedTracks() }
        guard !all.isEmpty else { throw SegueError(.notFound, "the library has no analysed tracks yet; run `segue scan DIR` first") }
        let wanted = Trigrams(text.lowercased())
        let closest = all.map { ($0, wanted.dice(Trigrams($0.metadata.displayName.lowercased()))) }
            .sorted { $0.1 > $1.1 }.prefix(5)
        let names = closest.map { "  \($0.0.id): \($0.0.metadata.displayName)" }.joined(separator: "\n")
        throw SegueError(.notFound, "no track matches '\(text)'. Closest:\n\(names)")
    }

    /// Refuses a query longer than ``maxQueryCharacters`` or with more than ``maxQueryWords`` words.
    static func checkQuerySize(_ text: String) throws(SegueError) {
        guard text.count <= maxQueryCharacters else {
            throw SegueError(.invalidInput, "a track query may have at most \(maxQueryCharacters) characters, got \(text.count)")
        }
        let words = text.split(whereSeparator: { $0.isWhitespace }).count
        guard words <= maxQueryWords else {
            throw SegueError(.invalidInput, "a track query may have at most \(maxQueryWords) words, got \(words)")
        }
    }

    /// The last track of a playlist file (its last playlist) that is analysed in the library,
    /// matched by path, then by artist and title: a set continues where the playlist ends.
    func lastLibraryTrack(ofPlaylist file: String) throws(SegueError) -> Track {
        let lists = try PlaylistFileReader.read(file)
        for entry in (lists.last?.entries ?? []).reversed() {
            if !entry.path.isEmpty, let track = try libraryCall({ try library.track(path: entry.path) }), track.analysis != nil { return track }
            let matches = try libraryCall { try library.tracks(matchingArtist: entry.artist, title: entry.title) }.filter { $0.analysis != nil }
            if let track = matches.first { return track }
        }
        throw SegueError(.notFound, "\(file): none of its tracks is analysed in the library; scan their folder first")
    }
}

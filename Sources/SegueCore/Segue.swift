import DJModel
import Foundation
import Library
import SetGraph
import Synchronization

/// The use cases of Segue behind one facade that the CLI and the server share: scan, import,
/// train, plan a set or a bridge, export.
public final class Segue: Sendable {
    /// What a track query may name besides library tracks.
    public enum QueryFiles: Sendable, Hashable {
        /// A query may name a playlist file on this machine (the CLI: the user's own files).
        case localPlaylists
        /// A query names library tracks only, by id, library path or "Artist - Title", and never
        /// opens a file (the server: queries come from remote clients and web pages).
        case libraryOnly
    }

    /// The library the use cases work on.
    public let library: TrackLibrary
    /// What track queries may name (see ``resolveTrack(_:)``).
    public let queryFiles: QueryFiles
    /// The graph last loaded and the planning revision it was loaded at (see `loadGraph`).
    let graphCache = Mutex<(revision: String, graph: TrackGraph)?>(nil)

    /// The default library location: `$SEGUE_LIBRARY`, else `~/.segue/library.sqlite`.
    public static var defaultLibraryPath: String {
        if let path = ProcessInfo.processInfo.environment["SEGUE_LIBRARY"], !path.isEmpty { return path }
        return (NSHomeDirectory() as NSString).appendingPathComponent(".segue/library.sqlite")
    }

    /// Opens (creating if needed) the library at `libraryPath`.
    public init(libraryPath: String, queryFiles: QueryFiles = .localPlaylists) throws(SegueError) {
        do { library = try TrackLibrary(path: libraryPath) } catch { throw SegueError(.ioFailure, error.description) }
        self.queryFiles = queryFiles
    }

    /// Wraps an open library.
    public init(library: TrackLibrary, queryFiles: QueryFiles = .localPlaylists) {
        self.library = library
        self.queryFiles = queryFiles
    }

    /// The same library behind a facade whose queries never open files (for the server).
    public func answeringRemoteClients() -> Segue {
        queryFiles == .libraryOnly ? self : Segue(library: library, queryFiles: .libraryOnly)
    }

    /// Runs a library call, turning its error into a ``SegueError`` (for use cases built on this
    /// facade in other modules, such as the tools).
    public func libraryCall<T>(_ body: () throws -> T) throws(SegueError) -> T {
        do { return try body() } catch { throw SegueError.wrap(error) }
    }

    /// Writes a consistent copy of the library to a new file at `path` (a backup, or a scratch
    /// copy to experiment on), while the library stays in use.
    /// - Throws: ``SegueError`` `.ioFailure` when `path` exists or cannot be written.
    public func snapshotLibrary(to path: String) throws(SegueError) { try libraryCall { try library.snapshot(to: path) } }

    /// Number of tracks and analysed tracks.
    public func counts() throws(SegueError) -> (tracks: Int, analysed: Int) { try libraryCall { try library.counts() } }

    /// Analysed tracks matching every word of `query` and `filter`, paged; keys, tempos and
    /// energies written in the query (`7A`, `D minor`, `128 bpm`, `energy 5-8`) filter too
    /// (``SearchText``).
    public func search(_ query: String, filter: TrackFilter = .none, limit: Int = 50, offset: Int = 0) throws(SegueError) -> (tracks: [Track], total: Int) {
        guard (1...1000).contains(limit), offset >= 0 else { throw SegueError(.invalidInput, "limit must be 1…1000 and offset ≥ 0") }
        try Self.checkQuerySize(query)
        if let low = filter.minBPM, let high = filter.maxBPM, low > high { throw SegueError(.invalidInput, "the BPM range is empty (\(low) > \(high))") }
        if let low = filter.minEnergy, let high = filter.maxEnergy, low > high { throw SegueError(.invalidInput, "the energy range is empty (\(low) > \(high))") }
        let text = SearchText(query)
        guard let narrowed = text.narrowing(filter) else { return ([], 0) }
        return try libraryCall { try library.search(text.words, filter: narrowed, limit: limit, offset: offset) }
    }
}

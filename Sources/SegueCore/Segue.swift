import DJModel
import Foundation
import Library
import SetGraph
import Synchronization

/// The use cases of Segue behind one facade that the CLI and the server share: scan, import,
/// train, plan a set or a bridge, export.
public final class Segue: Sendable {
    /// The library the use cases work on.
    public let library: TrackLibrary
    /// The graph last loaded and the planning revision it was loaded at (see `loadGraph`).
    let graphCache = Mutex<(revision: String, graph: TrackGraph)?>(nil)

    /// The default library location: `$SEGUE_LIBRARY`, else `~/.segue/library.sqlite`.
    public static var defaultLibraryPath: String {
        if let path = ProcessInfo.processInfo.environment["SEGUE_LIBRARY"], !path.isEmpty { return path }
        return (NSHomeDirectory() as NSString).appendingPathComponent(".segue/library.sqlite")
    }

    /// Opens (creating if needed) the library at `libraryPath`.
    public init(libraryPath: String) throws(SegueError) {
        do { library = try TrackLibrary(path: libraryPath) } catch { throw SegueError(.ioFailure, error.description) }
    }

    /// Wraps an open library.
    public init(library: TrackLibrary) { self.library = library }

    /// Runs a library call, turning its error into a ``SegueError``.
    func db<T>(_ body: () throws -> T) throws(SegueError) -> T {
        do { return try body() } catch { throw SegueError.wrap(error) }
    }

    /// Number of tracks and analysed tracks.
    public func counts() throws(SegueError) -> (tracks: Int, analysed: Int) { try db { try library.counts() } }

    /// Analysed tracks matching every word of `query`, paged.
    public func search(_ query: String, filter: TrackFilter = .none, limit: Int = 50, offset: Int = 0) throws(SegueError) -> (tracks: [Track], total: Int) {
        guard (1...1000).contains(limit), offset >= 0 else { throw SegueError(.invalidInput, "limit must be 1…1000 and offset ≥ 0") }
        if let low = filter.minBPM, let high = filter.maxBPM, low > high { throw SegueError(.invalidInput, "the BPM range is empty (\(low) > \(high))") }
        if let low = filter.minEnergy, let high = filter.maxEnergy, low > high { throw SegueError(.invalidInput, "the energy range is empty (\(low) > \(high))") }
        return try db { try library.search(query, filter: filter, limit: limit, offset: offset) }
    }
}

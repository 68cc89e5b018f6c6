import DJModel
import Foundation
import GRDB

/// The Segue library: one SQLite file (WAL mode) holding tracks, analyses, tracklists, factors
/// and the track graph.
///
/// Every write is its own transaction, so a scan killed at any moment keeps each track that was
/// committed before. Reads run concurrently with the single writer (GRDB's `DatabasePool`).
public final class TrackLibrary: Sendable {
    /// The database path.
    public let path: String
    /// Whether the library was opened for reading only (its file or folder cannot be written):
    /// searching, planning without storing and exporting work; writes are refused with
    /// ``LibraryError/readOnly(path:)``.
    public let isReadOnly: Bool
    let writer: any DatabaseWriter

    /// Opens (creating and migrating if needed) the library at `path`; a library that exists
    /// but that this user cannot write (its file or its folder) is opened read-only.
    /// - Parameter readOnly: true to open for reading only whatever the permissions (it must
    ///   exist and be up to date), nil to decide from them.
    public init(path: String, readOnly: Bool? = nil) throws(LibraryError) {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        let folder = (path as NSString).deletingLastPathComponent
        let readOnly = readOnly ?? (exists && (access(path, W_OK) != 0 || access(folder.isEmpty ? "." : folder, W_OK) != 0))
        isReadOnly = readOnly
        if readOnly {
            writer = try Self.openReadOnly(path: path, exists: exists)
            return
        }
        do {
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            var configuration = Configuration()
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA foreign_keys = ON")
                // WAL with NORMAL sync: a commit survives a crash or kill of the process (only a power
                // loss can take back the last commits), without an fsync per commit.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // Pages read through memory mapping rather than a read call each.
                try db.execute(sql: "PRAGMA mmap_size = 268435456")
            }
            // Another process (a scan, the server) may hold the write lock for a moment: wait for it.
            configuration.busyMode = .timeout(10)
            let pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = LibraryMigrations.migrator()
            try pool.read { db in try Self.refuseNewer(db, migrator: migrator, path: path) }
            try migrator.migrate(pool)
            writer = pool
        } catch let error as LibraryError {
            throw error
        } catch {
            throw .cannotOpen(path: path, reason: LibraryError.summary(of: error))
        }
    }

    /// The library at `path` for reading only: it must exist and hold every migration this
    /// version knows (nothing can be migrated without writing).
    private static func openReadOnly(path: String, exists: Bool) throws(LibraryError) -> any DatabaseWriter {
        guard exists else { throw .cannotOpen(path: path, reason: "there is no library there to read") }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(10)
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let migrator = LibraryMigrations.migrator()
            let complete = try queue.read { db in
                try Self.refuseNewer(db, migrator: migrator, path: path)
                return try migrator.hasCompletedMigrations(db)
            }
            if !complete {
                throw LibraryError.cannotOpen(path: path, reason: "it needs upgrading to this version of Segue, and this user cannot write it")
            }
            return queue
        } catch let error as LibraryError {
            throw error
        } catch {
            throw .cannotOpen(path: path, reason: LibraryError.summary(of: error))
        }
    }

    /// Refuses a library a newer Segue has written: it holds tables this one does not know, and
    /// writing to it could break them, so it is refused before anything is written.
    private static func refuseNewer(_ db: Database, migrator: DatabaseMigrator, path: String) throws {
        if try migrator.hasBeenSuperseded(db) {
            throw LibraryError.cannotOpen(path: path, reason: "it was written by a newer version of Segue; use that version "
                + "(or a copy of the library made before upgrading)")
        }
    }

    /// Writes a consistent copy of the library to a new file at `path` (SQLite's `VACUUM INTO`:
    /// one consistent state of the database, and pages still in the write-ahead
    /// log are included, which copying the file would miss or tear).
    /// - Throws: ``LibraryError`` when `path` exists or cannot be written.
    public func snapshot(to path: String) throws(LibraryError) {
        do { try writer.vacuum(into: path) } catch { throw .database(LibraryError.summary(of: error)) }
    }

    func read<T>(_ body: (Database) throws -> T) throws(LibraryError) -> T {
        do { return try writer.read(body) } catch { throw .database(LibraryError.summary(of: error)) }
    }

    func write<T>(_ body: (Database) throws -> T) throws(LibraryError) -> T {
        guard !isReadOnly else { throw .readOnly(path: path) }
        do { return try writer.write(body) } catch let error as LibraryError { throw error } catch {
            throw .database(LibraryError.summary(of: error))
        }
    }

    // MARK: Scanning

    /// Stores one analysed file (inserting or updating by path) in a single transaction.
    /// - Returns: the track's id.
    @discardableResult
    public func storeScannedFile(path: String, size: Int64, modifiedAt: Double, contentHash: String,
                                 metadata: TrackMetadata, analysis: TrackAnalysis) throws(LibraryError) -> TrackID {
        try write { db in
            try Self.upsertTrack(path: path, size: size, modifiedAt: modifiedAt, contentHash: contentHash, metadata: metadata,
                                 analysis: analysis, in: db)
        }
    }

    /// Stores many analysed tracks without files (a synthetic catalogue) in one transaction,
    /// inserting or updating by path.
    /// - Returns: their ids, in order.
    @discardableResult
    public func storeAnalysedTracks(_ tracks: [(path: String, metadata: TrackMetadata, analysis: TrackAnalysis)]) throws(LibraryError) -> [TrackID] {
        try write { db in
            try tracks.map { track in
                try Self.upsertTrack(path: track.path, size: 0, modifiedAt: 0, contentHash: "", metadata: track.metadata,
                                     analysis: track.analysis, in: db)
            }
        }
    }

    private static func upsertTrack(path: String, size: Int64, modifiedAt: Double, contentHash: String, metadata: TrackMetadata,
                                    analysis: TrackAnalysis, in db: Database) throws -> TrackID {
        // Inserted, or on a path already stored, its row updated (the planning revision's triggers
        // see an insert or an update, as they should).
        var record = TrackRecord(path: path, fileSize: size, modifiedAt: modifiedAt, contentHash: contentHash, metadata: metadata,
                                 duration: analysis.duration)
        guard let id = try record.upsertAndFetch(db).id else { throw LibraryError.database("track row for \(path) has no id") }
        try storeAnalysis(analysis, trackId: id, in: db)
        return TrackID(id)
    }

    static func storeAnalysis(_ analysis: TrackAnalysis, trackId: Int64, in db: Database) throws {
        try AnalysisRecord(analysis, trackId: trackId).insert(db, onConflict: .replace)
    }

    /// Adds a track known only from tracklists (no file), or returns the existing one with the same match key.
    public func catalogueTrack(metadata: TrackMetadata) throws(LibraryError) -> TrackID {
        try write { db in TrackID(try TrackRecord.catalogueTrack(metadata, in: db).id) }
    }

    // MARK: Reading tracks

    /// Every track, by id.
    public func allTracks() throws(LibraryError) -> [Track] {
        try read { db in try Row.fetchAll(db, sql: TrackRow.select + " ORDER BY t.id").map(TrackRow.track(from:)) }
    }

    /// The tracks that have an analysis (the ones a set can contain).
    public func analysedTracks() throws(LibraryError) -> [Track] {
        try read { db in try Row.fetchAll(db, sql: TrackRow.select + " WHERE a.trackId IS NOT NULL ORDER BY t.id").map(TrackRow.track(from:)) }
    }

    /// One track by id, or `nil`.
    public func track(id: TrackID) throws(LibraryError) -> Track? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: TrackRow.select + " WHERE t.id = ?"), arguments: [id.rawValue]).map(TrackRow.track(from:))
        }
    }

    /// The tracks with these ids that exist, by id, read in one statement (at most 500 ids).
    public func tracks(ids: [TrackID]) throws(LibraryError) -> [TrackID: Track] {
        guard !ids.isEmpty else { return [:] }
        guard ids.count <= 500 else { throw .database("at most 500 tracks are read at once, asked for \(ids.count)") }
        return try read { db in
            let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
            let rows = try Row.fetchAll(db, sql: TrackRow.select + " WHERE t.id IN (\(marks))", arguments: StatementArguments(ids.map(\.rawValue)))
            var found: [TrackID: Track] = [:]
            for row in rows { let track = TrackRow.track(from: row); found[track.id] = track }
            return found
        }
    }

    /// One track by exact path, or `nil`.
    public func track(path: String) throws(LibraryError) -> Track? {
        try read { db in try Row.fetchOne(db, sql: TrackRow.select + " WHERE t.path = ?", arguments: [path]).map(TrackRow.track(from:)) }
    }

    /// Tracks whose match key equals that of `artist`/`title`.
    public func tracks(matchingArtist artist: String, title: String) throws(LibraryError) -> [Track] {
        let key = MatchKey.make(artist: artist, title: title)
        return try read { db in
            try Row.fetchAll(db, sql: TrackRow.select + " WHERE t.matchKey = ? ORDER BY t.id", arguments: [key]).map(TrackRow.track(from:))
        }
    }

    /// Analysed tracks whose artist, title, album, genre or path contains every word of `query`
    /// (case-insensitive) and that pass `filter`, paged.
    /// - Returns: the page and the total number of matches.
    public func search(_ query: String, filter: TrackFilter = .none, limit: Int, offset: Int) throws(LibraryError) -> (tracks: [Track], total: Int) {
        let words = query.split(whereSeparator: { $0.isWhitespace }).map { "%\($0)%" }
        var conditions = ["a.trackId IS NOT NULL"]
        var arguments: [any DatabaseValueConvertible] = []
        for word in words {
            conditions.append("(t.artist LIKE ? OR t.title LIKE ? OR t.album LIKE ? OR t.genre LIKE ? OR t.path LIKE ?)")
            arguments += [word, word, word, word, word]
        }
        for condition in filter.conditions {
            conditions.append(condition.sql)
            arguments += condition.arguments
        }
        let filter = " WHERE " + conditions.joined(separator: " AND ")
        return try read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM track t LEFT JOIN analysis a ON a.trackId = t.id LEFT JOIN trackOverride o ON o.trackId = t.id" + filter,
                                         arguments: StatementArguments(arguments)) ?? 0
            let page = try Row.fetchAll(db, sql: TrackRow.select + filter + " ORDER BY t.artist, t.title, t.id LIMIT ? OFFSET ?",
                                        arguments: StatementArguments(arguments + [limit, offset])).map(TrackRow.track(from:))
            return (page, total)
        }
    }

    /// Number of tracks and of analysed tracks.
    public func counts() throws(LibraryError) -> (tracks: Int, analysed: Int) {
        try read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM track") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM analysis") ?? 0)
        }
    }
}

import DJModel
import GRDB

extension TrackLibrary {
    /// A stored DJ-set tracklist.
    public struct StoredTracklist: Sendable, Hashable {
        /// Row id.
        public var id: Int64
        /// Where it came from (file path or source name).
        public var source: String
        /// The set's id within that source.
        public var externalId: String
        /// The tracks in play order.
        public var trackIds: [TrackID]
    }

    /// A tracklist entry to store: a track the library has, or a catalogue-only track to create
    /// (or reuse, when one with the same artist and title exists) in the same transaction.
    public enum EntryTrack: Sendable, Hashable {
        /// A library track.
        case existing(TrackID)
        /// A track known only from tracklists.
        case catalogue(TrackMetadata)
    }

    /// Stores tracklists from one source in a single transaction: all of them or none. A tracklist
    /// with the same source and external id is replaced, so re-importing a file changes nothing.
    public func replaceTracklists(source: String, _ tracklists: [(externalId: String, name: String, trackIds: [TrackID])]) throws(LibraryError) {
        try replaceTracklists(source: source, tracklists.map { ($0.externalId, $0.name, $0.trackIds.map(EntryTrack.existing)) })
    }

    /// Stores tracklists from one source, creating their catalogue-only tracks, in a single
    /// transaction: a crash or error at any point leaves the library as it was before.
    /// - Returns: the new catalogue tracks created (entries that reused an existing track are not counted).
    @discardableResult
    public func replaceTracklists(source: String, _ tracklists: [(externalId: String, name: String, entries: [EntryTrack])]) throws(LibraryError) -> Int {
        try write { db in
            var created = 0
            var catalogue: [String: Int64] = [:]
            func rowId(of entry: EntryTrack) throws -> Int64 {
                switch entry {
                case .existing(let id): return id.rawValue
                case .catalogue(let metadata):
                    let matchKey = MatchKey.make(artist: metadata.artist, title: metadata.title)
                    if let known = catalogue[matchKey] { return known }
                    let (id, isNew) = try TrackRecord.catalogueTrack(metadata, in: db)
                    if isNew { created += 1 }
                    catalogue[matchKey] = id
                    return id
                }
            }
            for list in tracklists {
                try TracklistRecord.filter(TracklistRecord.Columns.source == source && TracklistRecord.Columns.externalId == list.externalId)
                    .deleteAll(db)
                var record = TracklistRecord(id: nil, source: source, externalId: list.externalId, name: list.name)
                try record.insert(db)
                guard let id = record.id else { throw LibraryError.database("a new tracklist row has no id") }
                for (position, entry) in list.entries.enumerated() {
                    try TracklistEntryRecord(tracklistId: id, position: position, trackId: try rowId(of: entry)).insert(db)
                }
            }
            return created
        }
    }

    /// Every stored tracklist.
    public func tracklists() throws(LibraryError) -> [StoredTracklist] {
        try read { db in
            var lists: [Int64: StoredTracklist] = [:]
            for record in try TracklistRecord.fetchAll(db) {
                guard let id = record.id else { continue }
                lists[id] = StoredTracklist(id: id, source: record.source, externalId: record.externalId, trackIds: [])
            }
            let entries = try TracklistEntryRecord.order(TracklistEntryRecord.Columns.tracklistId, TracklistEntryRecord.Columns.position).fetchCursor(db)
            while let entry = try entries.next() { lists[entry.tracklistId]?.trackIds.append(TrackID(entry.trackId)) }
            return lists.values.sorted { $0.id < $1.id }
        }
    }
}

extension TrackLibrary {
    /// Whether any stored tracklist names `id`.
    public func isInTracklists(_ id: TrackID) throws(LibraryError) -> Bool {
        try read { db in try TracklistEntryRecord.filter(TracklistEntryRecord.Columns.trackId == id.rawValue).isEmpty(db) == false }
    }
}

import DJModel
import Foundation
import Library
import PlaylistFormats

/// What a tracklist import did.
public struct ImportReport: Sendable, Hashable, Codable {
    /// Tracklists (DJ sets) stored.
    public var tracklists: Int
    /// Entries matched to a library track by artist and title.
    public var matched: Int
    /// Entries with no library track, stored as catalogue-only tracks.
    public var unmatched: Int
    /// Entries the tracklist marks as unknown (`?`, `ID - ID`), skipped.
    public var unknown: Int = 0
    /// Of ``matched``, entries matched fuzzily (see `TracklistMatcher`).
    public var fuzzy: Int = 0
    /// Of ``unmatched``, entries close to two or more library files, left unlinked.
    public var ambiguous: Int = 0
    /// "artist - title" of up to 20 ambiguous entries, for the user to check.
    public var ambiguousExamples: [String] = []
    /// Matched library tracks that got a streaming service's numbers (Spotify's tempo, key and
    /// energy from an Exportify CSV), shown beside Segue's own.
    public var serviceFeatures: Int = 0
    /// The first 100 distinct library tracks the files matched, in file order: seeds to offer.
    public var matchedTrackIds: [Int64] = []
}

extension Segue {
    /// Imports tracklist and playlist files (see ``PlaylistFileReader``): CSV
    /// (`set_id,position,artist,title`), Spotify playlists exported by Exportify (their tempo,
    /// key and energy stored beside the matched tracks' own analysis), plain-text tracklists (``TextTracklist``, `.txt`),
    /// M3U/M3U8, rekordbox XML and Traktor NML (every playlist, history included, is a set),
    /// Serato crates, XSPF and Segue set documents. Entries match library files by path first,
    /// then by artist and title. Each file is parsed whole
    /// before anything is stored and stored in one transaction: a bad row rejects its file and
    /// nothing of it is half-imported — its new catalogue tracks included, so a crash mid-import
    /// leaves the library as it was. Re-importing a file replaces its sets, changing nothing.
    /// - Parameters:
    ///   - sourceNames: the name each file's tracklists are stored under (default: its path).
    ///   - maxEntriesPerFile: refuse a file with more entries than this (a server's bound on work).
    public func importTracklists(files: [String], sourceNames: [String]? = nil, maxEntriesPerFile: Int? = nil) throws(SegueError) -> ImportReport {
        var report = ImportReport(tracklists: 0, matched: 0, unmatched: 0)
        // Built when the first file has been read: a file refused at once costs no library scan.
        var indexedMatcher: TracklistMatcher?
        for (index, file) in files.enumerated() {
            let lists = try PlaylistFileReader.read(file)
            let entries = lists.reduce(0) { $0 + $1.entries.count }
            if let maxEntriesPerFile, entries > maxEntriesPerFile {
                throw SegueError(.invalidInput, "\((file as NSString).lastPathComponent): \(entries) entries, more than the \(maxEntriesPerFile) one import may have; split the file")
            }
            report.unknown += lists.reduce(0) { $0 + $1.unknownEntries }
            if indexedMatcher == nil { indexedMatcher = TracklistMatcher(tracks: try libraryCall { try library.allTracks() }) }
            guard let matcher = indexedMatcher else { continue }
            let source = sourceNames.flatMap { index < $0.count ? $0[index] : nil } ?? CanonicalPath.of(file)
            var resolved: [(externalId: String, name: String, entries: [TrackLibrary.EntryTrack])] = []
            var features: [(track: TrackID, features: ServiceFeatures)] = []
            func matchedLibraryTrack(_ id: TrackID, _ entry: PlaylistEntry) {
                if let service = entry.service { features.append((id, service)) }
                if report.matchedTrackIds.count < 100, !report.matchedTrackIds.contains(id.rawValue) { report.matchedTrackIds.append(id.rawValue) }
            }
            var cache: [String: (entry: TrackLibrary.EntryTrack, matched: Bool)] = [:]
            for list in lists {
                var ids: [TrackLibrary.EntryTrack] = []
                for entry in list.entries {
                    if !entry.path.isEmpty, let track = try libraryCall({ try library.track(path: entry.path) }) {
                        ids.append(.existing(track.id))
                        report.matched += 1
                        matchedLibraryTrack(track.id, entry)
                        continue
                    }
                    let key = MatchKey.make(artist: entry.artist, title: entry.title)
                    if let known = cache[key] {
                        ids.append(known.entry)
                        if known.matched { report.matched += 1 } else { report.unmatched += 1 }
                        if known.matched, case .existing(let trackId) = known.entry { matchedLibraryTrack(trackId, entry) }
                        continue
                    }
                    let matches = try libraryCall { try library.tracks(matchingArtist: entry.artist, title: entry.title) }
                    let id: TrackLibrary.EntryTrack, matched: Bool
                    if let match = matches.first(where: { $0.path != nil }) {
                        (id, matched) = (.existing(match.id), true)
                    } else {
                        switch matcher.match(artist: entry.artist, title: entry.title) {
                        case .matched(let fuzzyId, _):
                            (id, matched) = (.existing(fuzzyId), true)
                            report.fuzzy += 1
                        case .ambiguous:
                            report.ambiguous += 1
                            if report.ambiguousExamples.count < 20 { report.ambiguousExamples.append("\(entry.artist) - \(entry.title)") }
                            fallthrough
                        case .none:
                            // Created with the tracklists, in their transaction.
                            id = matches.first.map { .existing($0.id) } ?? .catalogue(TrackMetadata(artist: entry.artist, title: entry.title))
                            matched = false
                        }
                    }
                    if matched { report.matched += 1 } else { report.unmatched += 1 }
                    if matched, case .existing(let trackId) = id { matchedLibraryTrack(trackId, entry) }
                    cache[key] = (id, matched)
                    ids.append(id)
                }
                resolved.append((list.setId, list.setId, ids))
            }
            try libraryCall { try library.replaceTracklists(source: source, resolved) }
            report.tracklists += resolved.count
            try libraryCall { try library.storeServiceFeatures(features) }
            report.serviceFeatures += Set(features.map(\.track)).count
        }
        return report
    }
}

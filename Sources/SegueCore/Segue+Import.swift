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
}

extension Segue {
    /// Imports tracklist and playlist files (see ``PlaylistFileReader``): CSV
    /// (`set_id,position,artist,title`), plain-text tracklists (``TextTracklist``, `.txt`),
    /// M3U/M3U8, rekordbox XML and Traktor NML (every playlist, history included, is a set),
    /// Serato crates, XSPF and Segue set documents. Entries match library files by path first,
    /// then by artist and title. Each file is parsed whole
    /// before anything is stored and stored in one transaction: a bad row rejects its file and
    /// nothing of it is half-imported. Re-importing a file replaces its sets, changing nothing.
    public func importTracklists(files: [String]) throws(SegueError) -> ImportReport {
        var report = ImportReport(tracklists: 0, matched: 0, unmatched: 0)
        let matcher = TracklistMatcher(tracks: try db { try library.allTracks() })
        for file in files {
            let lists = try PlaylistFileReader.read(file)
            report.unknown += lists.reduce(0) { $0 + $1.unknownEntries }
            let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
            var resolved: [(externalId: String, name: String, trackIds: [TrackID])] = []
            var cache: [String: (id: TrackID, matched: Bool)] = [:]
            for list in lists {
                var ids: [TrackID] = []
                for entry in list.entries {
                    if !entry.path.isEmpty, let track = try db({ try library.track(path: entry.path) }) {
                        ids.append(track.id)
                        report.matched += 1
                        continue
                    }
                    let key = MatchKey.make(artist: entry.artist, title: entry.title)
                    if let known = cache[key] {
                        ids.append(known.id)
                        if known.matched { report.matched += 1 } else { report.unmatched += 1 }
                        continue
                    }
                    let matches = try db { try library.tracks(matchingArtist: entry.artist, title: entry.title) }
                    let id: TrackID, matched: Bool
                    if let match = matches.first(where: { $0.path != nil }) {
                        (id, matched) = (match.id, true)
                    } else {
                        switch matcher.match(artist: entry.artist, title: entry.title) {
                        case .matched(let fuzzyId, _):
                            (id, matched) = (fuzzyId, true)
                            report.fuzzy += 1
                        case .ambiguous:
                            report.ambiguous += 1
                            if report.ambiguousExamples.count < 20 { report.ambiguousExamples.append("\(entry.artist) - \(entry.title)") }
                            fallthrough
                        case .none:
                            if let existing = matches.first {
                                id = existing.id
                            } else {
                                id = try db { try library.catalogueTrack(metadata: TrackMetadata(artist: entry.artist, title: entry.title)) }
                            }
                            matched = false
                        }
                    }
                    if matched { report.matched += 1 } else { report.unmatched += 1 }
                    cache[key] = (id, matched)
                    ids.append(id)
                }
                resolved.append((list.setId, list.setId, ids))
            }
            try db { try library.replaceTracklists(source: absolute, resolved) }
            report.tracklists += resolved.count
        }
        return report
    }
}

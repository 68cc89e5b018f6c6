import DJModel
import Foundation
import Library
import PlaylistFormats

/// What a tracklist import did.
public struct ImportReport: Sendable, Hashable {
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
    /// Imports tracklist files: CSV (`set_id,position,artist,title`, by the `.csv` extension) or
    /// plain-text tracklists (``TextTracklist``, `.txt`), M3U/M3U8 playlists (matched by path
    /// first, then by the `#EXTINF` or file name's artist and title; one set named after the
    /// file) or rekordbox XML exports (every playlist, history included, is a set named by its
    /// folder path). Each file is parsed whole
    /// before anything is stored and stored in one transaction: a bad row rejects its file and
    /// nothing of it is half-imported. Re-importing a file replaces its sets, changing nothing.
    public func importTracklists(files: [String]) throws(SegueError) -> ImportReport {
        var report = ImportReport(tracklists: 0, matched: 0, unmatched: 0)
        let matcher = TracklistMatcher(tracks: try db { try library.allTracks() })
        for file in files {
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                throw SegueError(.notFound, "\(file): cannot read (\(error.localizedDescription))")
            }
            let lists: [ImportedTracklist]
            let fileExtension = (file as NSString).pathExtension.lowercased()
            do {
                switch fileExtension {
                case "csv": lists = try TracklistCSV.read(text, source: file)
                case "txt", "text":
                    lists = [try TextTracklist.read(text, setId: setName(file), source: file)]
                case "m3u", "m3u8":
                    lists = [try playlistTracklist(text, file: file)]
                case "xml":
                    lists = try RekordboxXMLReader.read(Data(text.utf8), source: file)
                        .filter { !$0.entries.isEmpty }
                        .map { ImportedTracklist(setId: $0.path, entries: $0.entries) }
                    if lists.isEmpty { throw SegueError(.invalidInput, "\(file): the rekordbox XML has no playlist with tracks") }
                default:
                    throw SegueError(.invalidInput, "\(file): unsupported tracklist format '.\(fileExtension)'; use .csv, .txt, .m3u, .m3u8 or rekordbox .xml")
                }
            } catch let error as PlaylistFormatError {
                throw SegueError(.invalidInput, error.description)
            } catch let error as SegueError {
                throw error
            } catch {
                throw SegueError(.invalidInput, "\(file): \(error)")
            }
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

    /// A set's name from its file: the file name without extension.
    private func setName(_ file: String) -> String {
        ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// An M3U/M3U8 playlist as one set: paths made absolute against the playlist's folder; an
    /// entry without `#EXTINF` takes artist and title from its file name ("Artist - Title.ext").
    private func playlistTracklist(_ text: String, file: String) throws(PlaylistFormatError) -> ImportedTracklist {
        let folder = (URL(fileURLWithPath: file).standardizedFileURL.path as NSString).deletingLastPathComponent
        let entries = try M3U8Playlist().readTracks(Data(text.utf8), source: file).map { entry -> PlaylistEntry in
            var entry = entry
            var path = entry.path
            if path.hasPrefix("file://"), let url = URL(string: path), url.isFileURL { path = url.path }
            if !path.hasPrefix("/") { path = (folder as NSString).appendingPathComponent(path) }
            entry.path = URL(fileURLWithPath: path).standardizedFileURL.path
            if entry.artist.isEmpty && entry.title.isEmpty {
                let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                if case .track(let artist, let title) = TextTracklist.parse(line: stem) {
                    (entry.artist, entry.title) = (artist, title)
                } else {
                    entry.title = stem
                }
            }
            return entry
        }
        guard !entries.isEmpty else { throw .malformed(source: file, line: 0, reason: "the playlist has no entries") }
        return ImportedTracklist(setId: setName(file), entries: entries)
    }
}

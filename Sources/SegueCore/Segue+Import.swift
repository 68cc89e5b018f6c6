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
}

extension Segue {
    /// Imports tracklist files: CSV (`set_id,position,artist,title`, by the `.csv` extension) or
    /// plain-text tracklists (``TextTracklist``, `.txt`, one set per file named after the file). Each file is parsed whole
    /// before anything is stored and stored in one transaction: a bad row rejects its file and
    /// nothing of it is half-imported. Re-importing a file replaces its sets, changing nothing.
    public func importTracklists(files: [String]) throws(SegueError) -> ImportReport {
        var report = ImportReport(tracklists: 0, matched: 0, unmatched: 0)
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
                    let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
                    lists = [try TextTracklist.read(text, setId: name, source: file)]
                default:
                    throw SegueError(.invalidInput, "\(file): unsupported tracklist format '.\(fileExtension)'; use .csv or .txt")
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
                    let key = MatchKey.make(artist: entry.artist, title: entry.title)
                    if let known = cache[key] {
                        ids.append(known.id)
                        if known.matched { report.matched += 1 } else { report.unmatched += 1 }
                        continue
                    }
                    let matches = try db { try library.tracks(matchingArtist: entry.artist, title: entry.title) }
                    let id: TrackID, matched: Bool
                    if let match = matches.first(where: { $0.path != nil }) ?? matches.first {
                        (id, matched) = (match.id, match.path != nil)
                    } else {
                        id = try db { try library.catalogueTrack(metadata: TrackMetadata(artist: entry.artist, title: entry.title)) }
                        matched = false
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

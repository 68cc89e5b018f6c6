import AudioIO
import DJModel
import Foundation
import PlaylistFormats

/// Reads the playlists or tracklists of a file, by its extension: tracklist CSV
/// (`set_id,position,artist,title`), Segue's set CSV or a Spotify playlist exported by Exportify
/// (each told by its header), text tracklists, M3U/M3U8, rekordbox XML
/// (every playlist, history included), Traktor NML (collection playlists and history files),
/// Serato crates (paths relative to the drive the crate is on), XSPF and Segue set documents.
extension Segue {
    /// The file extensions `importTracklists` and playlist seeds read.
    public static var playlistFileExtensions: [String] { PlaylistFileReader.extensions }
}

enum PlaylistFileReader {
    /// The extensions read.
    static let extensions = ["csv", "txt", "text", "m3u", "m3u8", "xml", "nml", "crate", "xspf", "json"]
    /// The largest playlist file read (64 MiB: a rekordbox XML of a very large collection).
    static let maxBytes = 64 << 20

    /// The tracklists in `file`, each named (the file name for single-playlist formats, the
    /// folder path or playlist name otherwise); paths are absolute.
    /// - Throws: ``SegueError`` naming the file (and line or byte) for unreadable or malformed input.
    static func read(_ file: String) throws(SegueError) -> [ImportedTracklist] {
        switch FileKind.of(file) {
        case .regular: break
        case .directory: throw SegueError(.invalidInput, "\(file): a folder, not a playlist file")
        case .special(let kind): throw SegueError(.invalidInput, "\(file): \(kind), not a playlist file")
        case .missing(let reason): throw SegueError(.notFound, "\(file): cannot read (\(reason))")
        }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: file))
            defer { try? handle.close() }
            data = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw SegueError(.notFound, "\(file): cannot read (\(error.localizedDescription))")
        }
        guard data.count <= maxBytes else {
            throw SegueError(.invalidInput, "\(file): larger than \(maxBytes >> 20) MiB, more than a playlist file holds; not read")
        }
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let fileExtension = (file as NSString).pathExtension.lowercased()
        let text = String(decoding: data, as: UTF8.self)
        let lists: [ImportedTracklist]
        do {
            switch fileExtension {
            case "csv" where text.hasPrefix(CSVSetTable.headerWithoutCues):
                lists = [ImportedTracklist(setId: name, entries: try CSVSetTable().readTracks(data, source: file))]
            case "csv" where ExportifyCSV.matches(text: text):
                lists = [ImportedTracklist(setId: name, entries: try ExportifyCSV.read(text, source: file))]
            case "csv": lists = try TracklistCSV.read(text, source: file)
            case "txt", "text": lists = [try TextTracklist.read(text, setId: name, source: file)]
            case "m3u", "m3u8": lists = [ImportedTracklist(setId: name, entries: try m3u(data, file: file))]
            case "xml":
                lists = try RekordboxXMLReader.read(data, source: file).map { ImportedTracklist(setId: $0.path, entries: $0.entries) }
            case "nml":
                lists = try TraktorNML.read(data, source: file).map { ImportedTracklist(setId: $0.name.isEmpty ? name : $0.name, entries: $0.entries) }
            case "crate":
                lists = [ImportedTracklist(setId: name, entries: try SeratoCrate(readRoot: driveRoot(ofCrate: file)).readTracks(data, source: file))]
            case "xspf": lists = [ImportedTracklist(setId: name, entries: try XSPFPlaylist().readTracks(data, source: file))]
            case "json": lists = [ImportedTracklist(setId: name, entries: try JSONSetDocument().readTracks(data, source: file))]
            default:
                throw SegueError(.invalidInput, "\(file): unsupported playlist format '.\(fileExtension)'; use one of .\(extensions.joined(separator: ", ."))")
            }
        } catch let error as PlaylistFormatError {
            throw SegueError.wrap(error, as: .invalidInput)
        } catch let error as SegueError {
            throw error
        } catch {
            throw SegueError(.invalidInput, "\(file): \(error)")
        }
        // Every number a playlist states is checked before the import stores or converts it.
        for list in lists {
            for (index, entry) in list.entries.enumerated() {
                do { _ = try entry.checked(position: index + 1, source: file) } catch { throw SegueError.wrap(error, as: .invalidInput) }
            }
        }
        let nonEmpty = lists.filter { !$0.entries.isEmpty }
        guard !nonEmpty.isEmpty else { throw SegueError(.invalidInput, "\(file): no playlist with tracks") }
        return nonEmpty
    }

    /// The drive root of a crate at `ROOT/_Serato_/Subcrates/NAME.crate` (else `/`).
    static func driveRoot(ofCrate file: String) -> String {
        let url = URL(fileURLWithPath: file).standardizedFileURL
        let subcrates = url.deletingLastPathComponent(), serato = subcrates.deletingLastPathComponent()
        guard subcrates.lastPathComponent == "Subcrates", serato.lastPathComponent == "_Serato_" else { return "/" }
        return serato.deletingLastPathComponent().path
    }

    /// An M3U/M3U8 playlist: paths made absolute against the playlist's folder; an entry without
    /// `#EXTINF` takes artist and title from its file name ("Artist - Title.ext").
    private static func m3u(_ data: Data, file: String) throws(PlaylistFormatError) -> [PlaylistEntry] {
        let folder = (URL(fileURLWithPath: file).standardizedFileURL.path as NSString).deletingLastPathComponent
        return try M3U8Playlist().readTracks(data, source: file).map { entry -> PlaylistEntry in
            var entry = entry
            var path = FileLocation.path(fromFileURI: entry.path)
            if !path.hasPrefix("/") && !FileLocation.isWindowsDrivePath(path) { path = (folder as NSString).appendingPathComponent(path) }
            entry.path = FileLocation.isWindowsDrivePath(path) ? path : URL(fileURLWithPath: path).standardizedFileURL.path
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
    }
}

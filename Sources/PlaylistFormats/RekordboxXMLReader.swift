import DJModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the playlists of a rekordbox XML export (`DJ_PLAYLISTS`): the `COLLECTION` of
/// `TRACK`s (`TrackID`, `Name`, `Artist`, `Location`, `TotalTime`) and the `PLAYLISTS` tree of
/// `NODE`s, where `Type="0"` is a folder and `Type="1"` a playlist whose `TRACK Key=…` children
/// refer to collection tracks by `TrackID` (`KeyType="0"`) or by location (`KeyType="1"`).
/// History playlists are ordinary playlists under the `HISTORY` folder.
///
/// Locations are `file://localhost/` URLs, percent-encoded; they come back as plain paths.
public enum RekordboxXMLReader {
    /// One playlist: its path in the folder tree ("HISTORY/2024-05-01") and its tracks in order.
    public struct Playlist: Sendable, Hashable {
        /// Folder names and the playlist's name, joined with "/" (the `ROOT` node left out).
        public var path: String
        /// Tracks in order.
        public var entries: [PlaylistEntry]
    }

    /// Parses `data`; `source` names the file in errors.
    /// - Throws: ``PlaylistFormatError/malformed(source:line:reason:)`` with the parser's line
    ///   for broken XML, or when the document is not a rekordbox export.
    public static func read(_ data: Data, source: String) throws(PlaylistFormatError) -> [Playlist] {
        try XMLParsing.refuseUnsafeXML(data, source: source)
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "XML error"
            throw .malformed(source: source, line: parser.lineNumber, reason: "not well-formed XML: \(reason)")
        }
        if let problem = delegate.problem { throw .malformed(source: source, line: max(problem.line, 1), reason: problem.reason) }
        guard delegate.sawRoot else { throw .malformed(source: source, line: 0, reason: "not a rekordbox XML file (no DJ_PLAYLISTS element)") }
        return delegate.playlists.map { playlist in
            Playlist(path: playlist.path, entries: playlist.keys.compactMap { key in
                key.byLocation ? PlaylistEntry(path: path(fromLocation: key.value), artist: "", title: "")
                               : delegate.collection[key.value]
            })
        }
    }

    /// A plain path from a rekordbox `Location` (`file://localhost/C:/Music/a%20b.mp3` →
    /// `C:/Music/a b.mp3`; `file://localhost/Users/x/a.mp3` → `/Users/x/a.mp3`).
    public static func path(fromLocation location: String) -> String { FileLocation.path(fromFileURI: location) }

    private final class Delegate: NSObject, XMLParserDelegate {
        var collection: [String: PlaylistEntry] = [:]
        var playlists: [(path: String, keys: [(value: String, byLocation: Bool)])] = []
        var byLocation = false
        var folders: [String] = []
        var inPlaylists = false
        var current: Int?
        var sawRoot = false
        var problem: (line: Int, reason: String)?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "DJ_PLAYLISTS": sawRoot = true
            case "PLAYLISTS": inPlaylists = true
            case "TRACK" where !inPlaylists:
                guard let id = attributes["TrackID"], let location = attributes["Location"] else {
                    problem = problem ?? (parser.lineNumber, "a collection TRACK lacks TrackID or Location")
                    return
                }
                collection[id] = PlaylistEntry(path: RekordboxXMLReader.path(fromLocation: location), artist: attributes["Artist"] ?? "",
                                               title: attributes["Name"] ?? "", duration: attributes["TotalTime"].flatMap(Double.init),
                                               bpm: attributes["AverageBpm"].flatMap(Double.init),
                                               key: attributes["Tonality"].flatMap(MusicalKey.init(parsing:)))
            case "TRACK" where inPlaylists:
                guard let index = current, let key = attributes["Key"] else { return }
                playlists[index].keys.append((key, byLocation))
            case "NODE" where inPlaylists:
                let nodeName = attributes["Name"] ?? ""
                if attributes["Type"] == "1" {
                    playlists.append(((folders + [nodeName]).filter { !$0.isEmpty }.joined(separator: "/"), []))
                    current = playlists.count - 1
                    byLocation = attributes["KeyType"] == "1"
                } else {
                    // The top folder is ROOT; it is not part of playlist paths.
                    folders.append(folders.isEmpty && nodeName == "ROOT" ? "" : nodeName)
                }
            default: break
            }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            problem = problem ?? (parser.lineNumber, "not well-formed XML: \(parseError.localizedDescription)")
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "PLAYLISTS": inPlaylists = false
            case "NODE" where inPlaylists:
                if current != nil { current = nil } else if !folders.isEmpty { folders.removeLast() }
            default: break
            }
        }
    }
}

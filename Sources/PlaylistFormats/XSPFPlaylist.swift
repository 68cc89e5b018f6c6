import DJModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// XSPF ("spiff", http://xspf.org/ns/0/, version 1), the XML playlist of VLC, Mixxx imports and
/// many players: `trackList` of `track`s with `location` (a `file:///` URI), `title`, `creator`,
/// `album`, `duration` (milliseconds) and, as `meta` elements, Segue's BPM and key.
public struct XSPFPlaylist: SetCodec {
    /// Creates the format.
    public init() {}

    /// The `meta rel` of the tempo (BPM).
    public static let bpmRelation = "urn:x-segue:bpm"
    /// The `meta rel` of the key name.
    public static let keyRelation = "urn:x-segue:key"

    public var fileExtension: String { "xspf" }
    public var contentType: String { "application/xspf+xml" }

    public func write(_ set: DJSet, options: ExportOptions) throws(PlaylistFormatError) -> Data {
        let set = options.mapped(set)
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<playlist version=\"1\" xmlns=\"http://xspf.org/ns/0/\">",
                     "  <title>\(XMLText.escaped(options.name(for: set)))</title>", "  <creator>Segue</creator>", "  <trackList>"]
        for track in set.tracks {
            lines.append("    <track>")
            lines.append("      <location>\(XMLText.escaped(FileLocation.fileURI(track.path)))</location>")
            if !track.title.isEmpty { lines.append("      <title>\(XMLText.escaped(track.title))</title>") }
            if !track.artist.isEmpty { lines.append("      <creator>\(XMLText.escaped(track.artist))</creator>") }
            if let album = track.album { lines.append("      <album>\(XMLText.escaped(album))</album>") }
            lines.append("      <duration>\(Int(saturating: (track.duration * 1000).rounded()))</duration>")
            lines.append("      <meta rel=\"\(Self.bpmRelation)\">\(XMLText.fixed(track.bpm, decimals: 2))</meta>")
            lines.append("      <meta rel=\"\(Self.keyRelation)\">\(XMLText.escaped(track.key?.name ?? ""))</meta>")
            lines.append("    </track>")
        }
        lines += ["  </trackList>", "</playlist>"]
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    public func readTracks(_ data: Data, source: String) throws(PlaylistFormatError) -> [PlaylistEntry] {
        let delegate = Delegate()
        try XMLParsing.parse(data, delegate: delegate, source: source, notRoot: "not an XSPF playlist (no playlist element)")
        return delegate.entries
    }

    private final class Delegate: NSObject, CheckedXMLDelegate {
        var entries: [PlaylistEntry] = []
        var sawRoot = false, inTrack = false
        var text = "", relation: String?
        var problem: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            text = ""
            switch name {
            case "playlist": sawRoot = true
            case "track":
                inTrack = true
                entries.append(PlaylistEntry(path: "", artist: "", title: ""))
            case "meta": relation = attributes["rel"]
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard inTrack, !entries.isEmpty else { return }
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            let last = entries.count - 1
            switch name {
            case "track": inTrack = false
            case "location": entries[last].path = FileLocation.path(fromFileURI: value)
            case "title": entries[last].title = value
            case "creator": entries[last].artist = value
            case "duration": entries[last].duration = Double(value).map { $0 / 1000 }
            case "meta" where relation == XSPFPlaylist.bpmRelation: entries[last].bpm = Double(value)
            case "meta" where relation == XSPFPlaylist.keyRelation: entries[last].key = MusicalKey(parsing: value)
            default: break
            }
            text = ""
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            problem = problem ?? parseError.localizedDescription
        }
    }
}

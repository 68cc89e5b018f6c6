import DJModel
import Foundation

/// rekordbox XML (`DJ_PLAYLISTS` version 1.0.0), the format of rekordbox's "Import playlist /
/// rekordbox xml": a `PRODUCT`, a `COLLECTION` of `TRACK`s (`TrackID`, `Name`, `Artist`,
/// `Album`, `Genre`, `Kind`, `TotalTime`, `AverageBpm`, `Tonality`, `Location`) each with one
/// `TEMPO` beat-grid entry (`Inizio` first beat in seconds, `Bpm`, `Metro` 4/4, `Battito` that beat's place in Segue's bar)
/// and its cues as `POSITION_MARK`s (memory cues, and hot cues A/B at mix in and mix out),
/// and `PLAYLISTS` with the `ROOT` folder node holding one playlist node whose `TRACK Key`s name
/// collection tracks by `TrackID`.
///
/// Locations are `file://localhost/` + the percent-encoded UTF-8 path in composed Unicode (NFC),
/// Windows drive paths as `file://localhost/C:/…`.
public struct RekordboxXML: SetCodec {
    /// Creates the format.
    public init() {}

    public var fileExtension: String { "xml" }
    public var contentType: String { "application/xml; charset=utf-8" }
    public var pathNormalization: FileLocation.Normalization { .composed }

    public func write(_ set: DJSet, options: ExportOptions) throws(PlaylistFormatError) -> Data {
        let set = options.mapped(set)
        var ids: [TrackID] = []
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<DJ_PLAYLISTS Version=\"1.0.0\">",
                     "  <PRODUCT Name=\"Segue\" Version=\"1.0\" Company=\"Segue\"/>"]
        var collection: [String] = []
        for track in set.tracks where !ids.contains(track.id) {
            ids.append(track.id)
            let key = track.key
            var attributes: [(String, String)] = [
                ("TrackID", String(track.id.rawValue)), ("Name", track.title), ("Artist", track.artist),
                ("Album", track.album ?? ""), ("Genre", track.genre ?? ""), ("Kind", Self.kind(of: track.path)),
                ("TotalTime", String(Int(saturating: track.duration.rounded()))), ("AverageBpm", XMLText.fixed(track.bpm, decimals: 2)),
            ]
            if let key { attributes.append(("Tonality", KeyNotation.shortName(key))) }
            attributes.append(("Location", FileLocation.fileURI(FileLocation.normalized(track.path, .composed), host: "localhost")))
            let opening = "    <TRACK " + attributes.map { "\($0.0)=\"\(XMLText.escaped($0.1))\"" }.joined(separator: " ")
            var children: [String] = []
            if track.bpm > 0 {
                children.append("      <TEMPO Inizio=\"\(XMLText.fixed(max(0, track.firstBeat ?? 0), decimals: 3))\" "
                                + "Bpm=\"\(XMLText.fixed(track.bpm, decimals: 2))\" Metro=\"4/4\" Battito=\"\(track.barPositionOfFirstBeat)\"/>")
            }
            children += Self.positionMarks(track.cues ?? []).map { "      " + $0 }
            if children.isEmpty {
                collection.append(opening + "/>")
            } else {
                collection.append(opening + ">")
                collection += children
                collection.append("    </TRACK>")
            }
        }
        lines.append("  <COLLECTION Entries=\"\(ids.count)\">")
        lines += collection
        lines.append("  </COLLECTION>")
        lines.append("  <PLAYLISTS>")
        lines.append("    <NODE Type=\"0\" Name=\"ROOT\" Count=\"1\">")
        lines.append("      <NODE Name=\"\(XMLText.escaped(options.name(for: set)))\" Type=\"1\" KeyType=\"0\" Entries=\"\(set.tracks.count)\">")
        for track in set.tracks { lines.append("        <TRACK Key=\"\(track.id.rawValue)\"/>") }
        lines.append("      </NODE>")
        lines.append("    </NODE>")
        lines.append("  </PLAYLISTS>")
        lines.append("</DJ_PLAYLISTS>")
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    public func readTracks(_ data: Data, source: String) throws(PlaylistFormatError) -> [PlaylistEntry] {
        let playlists = try RekordboxXMLReader.read(data, source: source)
        guard let first = playlists.first else { throw .malformed(source: source, line: 0, reason: "the file holds no playlist") }
        return first.entries
    }

    /// A track's cues as `POSITION_MARK`s: every cue a named memory cue (`Num` −1; `Type` 3,
    /// load, for the load cue, else 0, cue), and the mix-in and mix-out cues again as hot cues A
    /// and B (`Num` 0 and 1). Start in seconds, millisecond precision.
    static func positionMarks(_ cues: [TrackCue]) -> [String] {
        var marks: [String] = []
        func mark(_ cue: TrackCue, type: Int, number: Int) {
            marks.append("<POSITION_MARK Name=\"\(XMLText.escaped(cue.name))\" Type=\"\(type)\" "
                         + "Start=\"\(XMLText.fixed(max(0, cue.time), decimals: 3))\" Num=\"\(number)\"/>")
        }
        for cue in cues { mark(cue, type: cue.kind == .load ? 3 : 0, number: -1) }
        if let mixIn = cues.first(where: { $0.kind == .mixIn }) { mark(mixIn, type: 0, number: 0) }
        if let mixOut = cues.first(where: { $0.kind == .mixOut }) { mark(mixOut, type: 0, number: 1) }
        return marks
    }

    /// rekordbox's `Kind` for a file (`MP3 File`, `FLAC File`, …).
    static func kind(of path: String) -> String {
        let ext = (path as NSString).pathExtension.uppercased()
        switch ext {
        case "": return "Audio File"
        case "AIF": return "AIFF File"
        default: return "\(ext) File"
        }
    }
}

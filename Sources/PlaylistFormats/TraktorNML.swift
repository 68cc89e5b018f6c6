import DJModel
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Traktor NML (version 19, read by Traktor Pro 3 and 4): a `COLLECTION` of `ENTRY`s (`TITLE`,
/// `ARTIST`; `LOCATION` with `DIR`/`FILE`/`VOLUME`; `ALBUM`; `INFO` with genre, key text in Open
/// Key and play time; `TEMPO` with the BPM; `MUSICAL_KEY` 0–23; an `AutoGrid` `CUE_V2` at the first
/// downbeat (bar line), milliseconds, then one `CUE_V2` per cue: load, fade-in at mix in, fade-out at mix out,
/// a cue at the drop) and `PLAYLISTS` with the `$ROOT` folder holding one playlist whose entries
/// are `PRIMARYKEY`s (volume + dir + file). Text is in composed Unicode (NFC).
public struct TraktorNML: SetCodec {
    /// Creates the format.
    public init() {}

    public var fileExtension: String { "nml" }
    public var contentType: String { "application/xml; charset=utf-8" }
    public var pathNormalization: FileLocation.Normalization { .composed }

    /// Traktor's marker type and hot cue slot for a cue: mix in is the fade-in marker on hot cue
    /// 2, mix out the fade-out marker on hot cue 3, the drop a cue on hot cue 4 (slot 1 holds the
    /// grid), the load marker no hot cue.
    static func marker(for kind: CueKind) -> (type: Int, hotCue: Int) {
        switch kind {
        case .load: (3, -1)
        case .mixIn: (1, 1)
        case .mixOut: (2, 2)
        case .drop: (0, 3)
        }
    }

    public func write(_ set: DJSet, options: ExportOptions) throws(PlaylistFormatError) -> Data {
        let set = options.mapped(set)
        func attributes(_ pairs: [(String, String)]) -> String {
            pairs.map { " \($0.0)=\"\(XMLText.escaped(FileLocation.normalized($0.1, .composed)))\"" }.joined()
        }
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\" ?>", "<NML VERSION=\"19\">",
                     "<HEAD COMPANY=\"www.native-instruments.com\" PROGRAM=\"Traktor\"></HEAD>", "<MUSICFOLDERS></MUSICFOLDERS>"]
        var keys: [String] = [], entries: [String] = []
        for track in set.tracks {
            let location = TraktorLocation(path: FileLocation.normalized(track.path, .composed), systemVolume: options.systemVolume)
            keys.append(location.primaryKey)
            if keys.dropLast().contains(location.primaryKey) { continue }
            let key = track.key
            entries.append("<ENTRY\(attributes([("TITLE", track.title), ("ARTIST", track.artist)]))>")
            entries.append("<LOCATION\(attributes([("DIR", location.dir), ("FILE", location.file), ("VOLUME", location.volume), ("VOLUMEID", "")]))></LOCATION>")
            if let album = track.album { entries.append("<ALBUM\(attributes([("TITLE", album)]))></ALBUM>") }
            var info: [(String, String)] = []
            if let genre = track.genre { info.append(("GENRE", genre)) }
            if let key { info.append(("KEY", key.openKey)) }
            info += [("PLAYTIME", String(Int(saturating: track.duration.rounded()))), ("PLAYTIME_FLOAT", XMLText.fixed(track.duration, decimals: 6))]
            entries.append("<INFO\(attributes(info))></INFO>")
            if track.bpm > 0 {
                entries.append("<TEMPO BPM=\"\(XMLText.fixed(track.bpm, decimals: 6))\" BPM_QUALITY=\"100.000000\"></TEMPO>")
            }
            if let key { entries.append("<MUSICAL_KEY VALUE=\"\(KeyNotation.traktorValue(key))\"></MUSICAL_KEY>") }
            if track.bpm > 0 {
                // Traktor counts bars from its grid marker: it sits on a downbeat of Segue's bars.
                let start = XMLText.fixed(track.firstBarLine * 1000, decimals: 6)
                entries.append("<CUE_V2 NAME=\"AutoGrid\" DISPL_ORDER=\"0\" TYPE=\"4\" START=\"\(start)\" LEN=\"0.000000\" REPEATS=\"-1\" HOTCUE=\"0\"></CUE_V2>")
            }
            for (order, cue) in (track.cues ?? []).enumerated() {
                let marker = Self.marker(for: cue.kind)
                entries.append("<CUE_V2\(attributes([("NAME", cue.name)])) DISPL_ORDER=\"\(order + 1)\" TYPE=\"\(marker.type)\" "
                               + "START=\"\(XMLText.fixed(max(0, cue.time) * 1000, decimals: 6))\" LEN=\"0.000000\" REPEATS=\"-1\" "
                               + "HOTCUE=\"\(marker.hotCue)\"></CUE_V2>")
            }
            entries.append("</ENTRY>")
        }
        lines.append("<COLLECTION ENTRIES=\"\(Set(keys).count)\">")
        lines += entries
        lines.append("</COLLECTION>")
        lines.append("<SETS ENTRIES=\"0\"></SETS>")
        lines.append("<PLAYLISTS><NODE TYPE=\"FOLDER\" NAME=\"$ROOT\"><SUBNODES COUNT=\"1\">")
        lines.append("<NODE TYPE=\"PLAYLIST\"\(attributes([("NAME", options.name(for: set))]))>"
                     + "<PLAYLIST ENTRIES=\"\(keys.count)\" TYPE=\"LIST\" UUID=\"\(Self.uuid(for: keys))\">")
        for key in keys { lines.append("<ENTRY><PRIMARYKEY TYPE=\"TRACK\"\(attributes([("KEY", key)]))></PRIMARYKEY></ENTRY>") }
        lines.append("</PLAYLIST></NODE></SUBNODES></NODE></PLAYLISTS>")
        lines.append("</NML>")
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    public func readTracks(_ data: Data, source: String) throws(PlaylistFormatError) -> [PlaylistEntry] {
        try Self.read(data, source: source).first?.entries ?? []
    }

    /// Every playlist of an NML file (`name`, tracks in order), resolving primary keys through the
    /// collection; a key not in the collection gives an entry with only its path.
    /// - Throws: ``PlaylistFormatError/malformed(source:line:reason:)`` with the parser's line.
    public static func read(_ data: Data, source: String, systemVolume: String = "Macintosh HD") throws(PlaylistFormatError)
        -> [(name: String, entries: [PlaylistEntry])] {
        let delegate = NMLDelegate()
        try XMLParsing.parse(data, delegate: delegate, source: source, notRoot: "not a Traktor NML file (no NML element)")
        var collection: [String: PlaylistEntry] = [:]
        for entry in delegate.collection {
            var resolved = entry.entry
            resolved.path = entry.location.path(systemVolume: systemVolume)
            collection[entry.location.primaryKey] = resolved
        }
        return delegate.playlists.map { playlist in
            (playlist.name, playlist.keys.map { key in
                collection[key] ?? PlaylistEntry(path: Self.path(primaryKey: key, systemVolume: systemVolume), artist: "", title: "")
            })
        }
    }

    /// The path of a primary key (`C:/:Music/:a.mp3`, `Macintosh HD/:Users/:a.mp3`).
    static func path(primaryKey: String, systemVolume: String) -> String {
        guard let firstSeparator = primaryKey.range(of: "/:") else { return primaryKey }
        let volume = String(primaryKey[..<firstSeparator.lowerBound])
        let rest = String(primaryKey[firstSeparator.lowerBound...])
        let lastSeparator = rest.range(of: "/:", options: .backwards)!
        return TraktorLocation(volume: volume, dir: String(rest[..<lastSeparator.upperBound]), file: String(rest[lastSeparator.upperBound...]))
            .path(systemVolume: systemVolume)
    }

    /// A stable playlist UUID (32 hex digits) from the entries, so the same set exports the same file.
    static func uuid(for keys: [String]) -> String {
        var first: UInt64 = 0xcbf29ce484222325, second: UInt64 = 0x84222325cbf29ce4
        for byte in keys.joined(separator: "\n").utf8 {
            first = (first ^ UInt64(byte)) &* 0x100000001b3
            second = (second ^ UInt64(byte)) &* 0x100000001b3 &+ 1
        }
        return String(first, radix: 16).leftPadded(to: 16) + String(second, radix: 16).leftPadded(to: 16)
    }

    private final class NMLDelegate: NSObject, CheckedXMLDelegate {
        var collection: [(location: TraktorLocation, entry: PlaylistEntry)] = []
        var playlists: [(name: String, keys: [String])] = []
        var sawRoot = false, inCollection = false, inPlaylist = false
        var nodeNames: [String] = []
        var problem: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "NML": sawRoot = true
            case "COLLECTION": inCollection = true
            case "ENTRY" where inCollection:
                collection.append((TraktorLocation(volume: "", dir: "/:", file: ""),
                                   PlaylistEntry(path: "", artist: attributes["ARTIST"] ?? "", title: attributes["TITLE"] ?? "")))
            case "LOCATION" where inCollection && !collection.isEmpty:
                collection[collection.count - 1].location = TraktorLocation(volume: attributes["VOLUME"] ?? "", dir: attributes["DIR"] ?? "/:",
                                                                            file: attributes["FILE"] ?? "")
            case "INFO" where inCollection && !collection.isEmpty:
                collection[collection.count - 1].entry.duration = (attributes["PLAYTIME_FLOAT"] ?? attributes["PLAYTIME"]).flatMap(Double.init)
                if collection[collection.count - 1].entry.key == nil, let text = attributes["KEY"] {
                    collection[collection.count - 1].entry.key = MusicalKey(parsing: text)
                }
            case "TEMPO" where inCollection && !collection.isEmpty:
                collection[collection.count - 1].entry.bpm = attributes["BPM"].flatMap(Double.init)
            case "MUSICAL_KEY" where inCollection && !collection.isEmpty:
                if let key = attributes["VALUE"].flatMap(Int.init).flatMap(KeyNotation.key(traktorValue:)) {
                    collection[collection.count - 1].entry.key = key
                }
            case "NODE": nodeNames.append(attributes["NAME"] ?? "")
            case "PLAYLIST":
                inPlaylist = true
                playlists.append((nodeNames.last ?? "", []))
            case "PRIMARYKEY" where inPlaylist:
                if let key = attributes["KEY"] { playlists[playlists.count - 1].keys.append(key) }
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "COLLECTION": inCollection = false
            case "PLAYLIST": inPlaylist = false
            case "NODE": if !nodeNames.isEmpty { nodeNames.removeLast() }
            default: break
            }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            problem = problem ?? parseError.localizedDescription
        }
    }
}

/// The export formats named on the command line and in the API.
public enum SetFormat: String, Sendable, CaseIterable, Codable {
    case m3u8, json, csv, rekordbox, traktor, serato, xspf

    /// Parses a format name (case-insensitive; `m3u` is accepted for `m3u8`).
    public init(name: String) throws(PlaylistFormatError) {
        let lowered = name.lowercased()
        if lowered == "m3u" { self = .m3u8; return }
        guard let format = SetFormat(rawValue: lowered) else { throw .unknownFormat(name) }
        self = format
    }

    /// The codec of this format: its writer and the reader of what it writes.
    public var codec: any SetCodec {
        switch self {
        case .m3u8: return M3U8Playlist()
        case .json: return JSONSetDocument()
        case .csv: return CSVSetTable()
        case .rekordbox: return RekordboxXML()
        case .traktor: return TraktorNML()
        case .serato: return SeratoCrate()
        case .xspf: return XSPFPlaylist()
        }
    }
}

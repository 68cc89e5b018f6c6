import DJModel
import Foundation

/// Extended M3U in UTF-8 (`#EXTM3U`, `#EXTINF:seconds,Artist - Title`, then the path), which
/// every player and DJ program reads.
public struct M3U8Playlist: SetCodec {
    /// Creates the format.
    public init() {}

    public var fileExtension: String { "m3u8" }
    public var contentType: String { "audio/x-mpegurl; charset=utf-8" }
    public var storedFields: Set<PlaylistField> { [.title, .artist, .duration] }

    public func write(_ set: DJSet, options: ExportOptions) throws(PlaylistFormatError) -> Data {
        let set = options.mapped(set)
        var lines = ["#EXTM3U", "#PLAYLIST:\(options.name(for: set))"]
        for track in set.tracks {
            let name = [track.artist, track.title].filter { !$0.isEmpty }.joined(separator: " - ")
            lines.append("#EXTINF:\(Int(saturating: track.duration.rounded())),\(name.replacingOccurrences(of: "\n", with: " "))")
            lines.append(track.path)
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    public func readTracks(_ data: Data, source: String) throws(PlaylistFormatError) -> [PlaylistEntry] {
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
            throw .malformed(source: source, line: 0, reason: "not text")
        }
        var entries: [PlaylistEntry] = []
        var pending: (duration: Double?, artist: String, title: String)?
        for (number, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingWhitespace
            if line.isEmpty || line.hasPrefix("#EXTM3U") || line.hasPrefix("#PLAYLIST") { continue }
            if line.hasPrefix("#EXTINF:") {
                let body = line.dropFirst("#EXTINF:".count)
                guard let comma = body.firstIndex(of: ",") else {
                    throw .malformed(source: source, line: number + 1, reason: "#EXTINF without a comma")
                }
                let name = String(body[body.index(after: comma)...])
                let parts = name.components(separatedBy: " - ")
                let artist = parts.count > 1 ? parts[0] : ""
                let title = parts.count > 1 ? parts.dropFirst().joined(separator: " - ") : name
                pending = (Double(body[..<comma].trimmingWhitespace), artist, title)
                continue
            }
            if line.hasPrefix("#") { continue }
            entries.append(PlaylistEntry(path: line, artist: pending?.artist ?? "", title: pending?.title ?? "", duration: pending?.duration))
            pending = nil
        }
        return entries
    }
}

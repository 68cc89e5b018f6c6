import DJModel
import Foundation

/// A set as a CSV table: `position,start,artist,title,bpm,key,camelot,energy,duration,path,score`
/// (RFC 4180 quoting), for spreadsheets.
public struct CSVSetTable: SetCodec {
    /// Creates the format.
    public init() {}

    /// The header row.
    public static let header = "position,start,artist,title,bpm,key,camelot,energy,duration,path,score"

    public var fileExtension: String { "csv" }
    public var contentType: String { "text/csv; charset=utf-8" }

    public func write(_ set: DJSet, options: ExportOptions) throws(PlaylistFormatError) -> Data {
        let set = options.mapped(set)
        var lines = [Self.header]
        for (index, track) in set.tracks.enumerated() {
            let score = index > 0 && index - 1 < set.transitions.count ? String(format: "%.3f", set.transitions[index - 1].score) : ""
            let fields = [String(index + 1), String(format: "%.1f", track.start), track.artist, track.title, String(format: "%.2f", track.bpm),
                          track.key?.name ?? "", track.camelot, String(track.energy), String(format: "%.1f", track.duration), track.path, score]
            lines.append(fields.map(CSVField.quote).joined(separator: ","))
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    public func readTracks(_ data: Data, source: String) throws(PlaylistFormatError) -> [PlaylistEntry] {
        let rows: [(line: Int, fields: [String])]
        do { rows = try CSVField.rows(String(decoding: data, as: UTF8.self)) } catch {
            throw .malformed(source: source, line: error.line, reason: error.reason)
        }
        guard let header = rows.first, header.fields.joined(separator: ",") == Self.header else {
            throw .malformed(source: source, line: 1, reason: "expected the header \(Self.header)")
        }
        return try rows.dropFirst().map { line, fields throws(PlaylistFormatError) in
            guard fields.count == 11 else {
                throw .malformed(source: source, line: line, reason: "expected 11 fields, found \(fields.count)")
            }
            return PlaylistEntry(path: fields[9], artist: fields[2], title: fields[3], duration: Double(fields[8]), bpm: Double(fields[4]),
                                 key: MusicalKey(parsing: fields[5]) ?? MusicalKey(parsing: fields[6]))
        }
    }
}

import DJModel
import Foundation

/// A set as a CSV table: `position,start,artist,title,bpm,key,camelot,energy,duration,path,score,
/// mix_in,mix_out,mix` (RFC 4180 quoting), for spreadsheets: `score` is the transition into the
/// row's track, `mix_in` and `mix_out` the row's cues (seconds into its file), `mix` how it goes
/// into the next track (e.g. `bass-swap 16 bars`). Tables without the last three columns (written
/// before cues existed) read too.
public struct CSVSetTable: SetCodec {
    /// Creates the format.
    public init() {}

    /// The header row.
    public static let header = "position,start,artist,title,bpm,key,camelot,energy,duration,path,score,mix_in,mix_out,mix"
    /// The header of tables written before cues existed.
    public static let headerWithoutCues = "position,start,artist,title,bpm,key,camelot,energy,duration,path,score"

    public var fileExtension: String { "csv" }
    public var contentType: String { "text/csv; charset=utf-8" }

    public func write(_ set: DJSet, options: ExportOptions) throws(PlaylistFormatError) -> Data {
        let set = options.mapped(set)
        var lines = [Self.header]
        for (index, track) in set.tracks.enumerated() {
            let score = index > 0 && index - 1 < set.transitions.count ? String(format: "%.3f", set.transitions[index - 1].score) : ""
            func cue(_ kind: CueKind) -> String { track.cues?.first { $0.kind == kind }.map { String(format: "%.3f", $0.time) } ?? "" }
            let mix = index < set.transitions.count ? set.transitions[index].mix.map(Self.describe) ?? "" : ""
            // Text cells are neutralised for spreadsheets (`=HYPERLINK(…)` in a tag stays text).
            let fields = [String(index + 1), String(format: "%.1f", track.start), CSVField.quoteText(track.artist), CSVField.quoteText(track.title),
                          String(format: "%.2f", track.bpm), track.key?.name ?? "", track.camelot, String(track.energy),
                          String(format: "%.1f", track.duration), CSVField.quoteText(track.path), score, cue(.mixIn), cue(.mixOut), mix]
                .enumerated().map { [2, 3, 9].contains($0.offset) ? $0.element : CSVField.quote($0.element) }
            lines.append(fields.joined(separator: ","))
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// A mix in a few words: `bass-swap 16 bars`, `cut`.
    static func describe(_ mix: TransitionMix) -> String {
        mix.beats > 0 ? "\(mix.technique.rawValue) \(mix.beats / 4) bars" : mix.technique.rawValue
    }

    public func readTracks(_ data: Data, source: String) throws(PlaylistFormatError) -> [PlaylistEntry] {
        let rows: [(line: Int, fields: [String])]
        do { rows = try CSVField.rows(String(decoding: data, as: UTF8.self)) } catch {
            throw .malformed(source: source, line: error.line, reason: error.reason)
        }
        guard let header = rows.first, [Self.header, Self.headerWithoutCues].contains(header.fields.joined(separator: ",")) else {
            throw .malformed(source: source, line: 1, reason: "expected the header \(Self.header)")
        }
        let columns = header.fields.count
        return try rows.dropFirst().map { line, fields throws(PlaylistFormatError) in
            guard fields.count == columns else {
                throw .malformed(source: source, line: line, reason: "expected \(columns) fields, found \(fields.count)")
            }
            return PlaylistEntry(path: CSVField.unneutralised(fields[9]), artist: CSVField.unneutralised(fields[2]),
                                 title: CSVField.unneutralised(fields[3]), duration: Double(fields[8]), bpm: Double(fields[4]),
                                 key: MusicalKey(parsing: fields[5]) ?? MusicalKey(parsing: fields[6]))
        }
    }
}

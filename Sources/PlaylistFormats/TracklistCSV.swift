import DJModel
import Foundation

/// One DJ set from a tracklist file: its id and the tracks in play order.
public struct ImportedTracklist: Sendable, Hashable {
    /// The set's id in its source.
    public var setId: String
    /// Entries in play order.
    public var entries: [PlaylistEntry]
    /// Entries the source marks as unknown (`?`, `ID - ID`), left out of ``entries``.
    public var unknownEntries: Int

    /// Creates a tracklist.
    public init(setId: String, entries: [PlaylistEntry], unknownEntries: Int = 0) {
        self.setId = setId
        self.entries = entries
        self.unknownEntries = unknownEntries
    }
}

/// The tracklist CSV (README, `import-tracklists`): `set_id,position,artist,title` with a header row.
///
/// Rows of one set may come in any order; they are sorted by position. A row with a missing
/// field, a non-integer or negative position, or a position repeated within a set is an error
/// naming the file and line, and the whole file is rejected.
public enum TracklistCSV {
    /// The required header.
    public static let header = ["set_id", "position", "artist", "title"]

    /// Parses `text`; `source` names the file in errors.
    public static func read(_ text: String, source: String) throws(PlaylistFormatError) -> [ImportedTracklist] {
        let rows: [(line: Int, fields: [String])]
        do { rows = try CSVField.rows(text) } catch { throw .malformed(source: source, line: error.line, reason: error.reason) }
        guard let first = rows.first else { throw .malformed(source: source, line: 0, reason: "the file is empty") }
        guard first.fields.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) == header else {
            throw .malformed(source: source, line: first.line, reason: "expected the header set_id,position,artist,title")
        }
        var sets: [String: [(position: Int, entry: PlaylistEntry)]] = [:]
        var positions: [String: Set<Int>] = [:]
        var order: [String] = []
        for (line, fields) in rows.dropFirst() {
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard fields.count == 4 else { throw .malformed(source: source, line: line, reason: "expected 4 fields, found \(fields.count)") }
            let setId = fields[0].trimmingCharacters(in: .whitespaces)
            guard !setId.isEmpty else { throw .malformed(source: source, line: line, reason: "empty set_id") }
            guard let position = Int(fields[1].trimmingCharacters(in: .whitespaces)), position >= 0 else {
                throw .malformed(source: source, line: line, reason: "the position (second field) is not a non-negative integer")
            }
            let artist = fields[2].trimmingCharacters(in: .whitespaces), title = fields[3].trimmingCharacters(in: .whitespaces)
            guard !artist.isEmpty || !title.isEmpty else { throw .malformed(source: source, line: line, reason: "no artist and no title") }
            if sets[setId] == nil { order.append(setId) }
            // A set of seen positions per tracklist: a 50 000-row file is read in linear time.
            guard positions[setId, default: []].insert(position).inserted else {
                throw .malformed(source: source, line: line, reason: "position \(position) appears twice in set \(setId)")
            }
            sets[setId, default: []].append((position, PlaylistEntry(path: "", artist: artist, title: title)))
        }
        return order.map { id in
            ImportedTracklist(setId: id, entries: sets[id]!.sorted { $0.position < $1.position }.map(\.entry))
        }
    }
}

import DJModel
import Foundation

/// A Spotify playlist exported as CSV by Exportify (or a tool writing its columns): one row per
/// track, a header naming the columns in any order. Recognised by `Track URI` (or `Spotify ID`),
/// `Track Name` and `Artist Name(s)` in its header; `Album Name`, `Duration (ms)`, `Tempo`, `Key`
/// (pitch class 0–11, −1 unknown), `Mode` (1 major, 0 minor), `Energy` (0–1) and `Loudness` (dB)
/// are read when present and not empty. The artist is the first of the comma-separated names
/// (Exportify joins a track's artists with commas). Spotify's numbers are kept as they are, as
/// ``ServiceFeatures``, beside Segue's own analysis.
public enum ExportifyCSV {
    /// The header columns, lower-cased, that identify the format (an id column and these two).
    static let nameColumns = ["track name", "artist name(s)"]
    /// The id columns, newest Exportify first.
    static let idColumns = ["track uri", "spotify id"]

    /// Whether `header` (the first row's fields) is an Exportify header.
    public static func matches(header: [String]) -> Bool {
        let names = Set(header.map(normalised))
        return nameColumns.allSatisfy(names.contains) && idColumns.contains(where: names.contains)
    }

    /// Whether the text's first line is an Exportify header.
    public static func matches(text: String) -> Bool {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        guard let rows = try? CSVField.rows(String(firstLine)), let header = rows.first?.fields else { return false }
        return matches(header: header)
    }

    /// The playlist's tracks in file order; `source` names the file in errors.
    /// - Throws: ``PlaylistFormatError/malformed(source:line:reason:)`` for a bad CSV, a header
    ///   without the columns, or a row with neither artist nor title.
    public static func read(_ text: String, source: String) throws(PlaylistFormatError) -> [PlaylistEntry] {
        let rows: [(line: Int, fields: [String])]
        do { rows = try CSVField.rows(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text) } catch {
            throw .malformed(source: source, line: error.line, reason: error.reason)
        }
        guard let header = rows.first, matches(header: header.fields) else {
            throw .malformed(source: source, line: 1, reason: "not an Exportify header: it needs Track URI, Track Name and Artist Name(s)")
        }
        var column: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() where column[normalised(name)] == nil { column[normalised(name)] = index }
        var entries: [PlaylistEntry] = []
        for (line, fields) in rows.dropFirst() {
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            func field(_ name: String) -> String? {
                guard let index = column[name], index < fields.count else { return nil }
                let value = fields[index].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
            /// The column's number, checked finite and in `range` before anything converts it.
            func number(_ name: String, in range: ClosedRange<Double>) throws(PlaylistFormatError) -> Double? {
                guard let text = field(name) else { return nil }
                guard let value = Double(text) else { throw .malformed(source: source, line: line, reason: "column '\(name)' is not a number") }
                do { return try CheckedNumber.finite(value, "column '\(name)'", in: range) } catch {
                    throw .malformed(source: source, line: line, reason: error.description)
                }
            }
            let title = field("track name") ?? ""
            let artist = (field("artist name(s)") ?? "").split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard !artist.isEmpty || !title.isEmpty else { throw .malformed(source: source, line: line, reason: "no artist and no track name") }
            let id = idColumns.lazy.compactMap { field($0) }.first.map(spotifyId) ?? ""
            var key: MusicalKey?
            // Spotify writes key -1 for "no key detected" and tempo 0 for "no tempo".
            let pitchNumber = try number("key", in: -1...11), modeNumber = try number("mode", in: 0...1)
            if let pitch = pitchNumber, pitch >= 0, pitch == pitch.rounded(), let mode = modeNumber, mode == 0 || mode == 1 {
                key = MusicalKey(tonic: Int(saturating: pitch), mode: mode == 1 ? .major : .minor)
            }
            let tempo = try number("tempo", in: 0...1000).flatMap { $0 > 0 ? $0 : nil }
            let energy = try number("energy", in: 0...1)
            let loudness = try number("loudness", in: -200...50)
            let features = id.isEmpty ? nil : ServiceFeatures(service: "spotify", externalId: id, bpm: tempo, key: key, energy: energy,
                                                              loudness: loudness)
            let duration = try number("duration (ms)", in: 0...PlaylistEntry.longestSeconds * 1000).map { $0 / 1000 }
            entries.append(PlaylistEntry(path: "", artist: artist, title: title, duration: duration, bpm: tempo, key: key, service: features))
        }
        return entries
    }

    /// The id of `spotify:track:ID` or `https://open.spotify.com/track/ID?…` (the text itself otherwise).
    static func spotifyId(_ text: String) -> String {
        if text.hasPrefix("spotify:") { return String(text.split(separator: ":").last ?? "") }
        if let url = URL(string: text), url.host?.hasSuffix("spotify.com") == true { return url.lastPathComponent }
        return text
    }

    static func normalised(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{FEFF}"))).lowercased()
    }
}

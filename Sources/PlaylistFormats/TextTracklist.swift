import Foundation

/// Plain-text tracklists as DJs and MixesDB publish them, one track per line:
///
/// ```
/// [00:00] Artist - Title (Label)
/// [1:02:30] Artist & Other - Title (Someone Remix) [Label - CAT001]
/// 01. Artist - Title
/// Artist – Title [Label]
/// ?
/// ID - ID
/// ```
///
/// A leading timestamp (`[mm:ss]`, `[h:mm:ss]`, `mm:ss` or `h:mm:ss`) and track number (`01.`,
/// `1)`, `01 -`) are dropped; artist and title are split at the first ` - `, ` – ` or ` — `; a
/// trailing `[…]` is a label and dropped; a trailing `(…)` is a label and dropped unless it names
/// a version (remix, mix, edit, dub, VIP, rework, bootleg, version, instrumental, feat.), which
/// stays in the title because it is part of the track's identity. Unknown tracks (`?`, `ID - ID`,
/// `??? - ???`, `Unknown`) and lines without a separator are counted and skipped; blank lines
/// and lines starting with `#` are ignored. A file is one set.
public enum TextTracklist {
    /// Words in a trailing parenthesis that mark a version of a track rather than a label.
    static let versionWords = ["remix", "mix", "edit", "dub", "vip", "rework", "bootleg", "version", "instrumental",
                               "feat", "ft.", "remaster", "extended", "radio", "original", "re-edit", "refix", "flip"]

    /// Parses `text` into one set named `setId`; `source` names the file in errors.
    /// - Throws: ``PlaylistFormatError/malformed(source:line:reason:)`` when no line is a track.
    public static func read(_ text: String, setId: String, source: String) throws(PlaylistFormatError) -> ImportedTracklist {
        var entries: [PlaylistEntry] = []
        var unknown = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            switch parse(line: line) {
            case .track(let artist, let title): entries.append(PlaylistEntry(path: "", artist: artist, title: title))
            case .unknown: unknown += 1
            }
        }
        guard !entries.isEmpty else {
            throw .malformed(source: source, line: 0, reason: "no line reads as 'Artist - Title'" + (unknown > 0 ? " (\(unknown) unknown entries)" : ""))
        }
        return ImportedTracklist(setId: setId, entries: entries, unknownEntries: unknown)
    }

    /// What one line holds.
    public enum Line: Equatable, Sendable {
        /// A track.
        case track(artist: String, title: String)
        /// An unknown track or a line that is not a track.
        case unknown
    }

    /// Parses one non-empty line (also used for file names of the form "Artist - Title").
    public static func parse(line: String) -> Line {
        var rest = Substring(line)
        rest = dropTimestamp(rest)
        rest = dropTrackNumber(rest)
        let text = rest.trimmingCharacters(in: .whitespaces)
        guard let separator = [" - ", " – ", " — "].compactMap({ text.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) else {
            return .unknown
        }
        let artist = String(text[..<separator.lowerBound]).trimmingCharacters(in: .whitespaces)
        var title = String(text[separator.upperBound...]).trimmingCharacters(in: .whitespaces)
        title = dropTrailingLabels(title)
        let placeholders: Set<String> = ["", "?", "??", "???", "id", "unknown", "unknown artist", "unknown title"]
        if placeholders.contains(artist.lowercased()) && placeholders.contains(title.lowercased()) { return .unknown }
        if placeholders.contains(title.lowercased()) { return .unknown }
        if artist.isEmpty { return .unknown }
        return .track(artist: artist, title: title)
    }

    /// Drops `[1:02:30]`, `[02:30]`, `1:02:30` or `02:30` at the start.
    static func dropTimestamp(_ text: Substring) -> Substring {
        var rest = text.drop { $0 == " " }
        let bracketed = rest.hasPrefix("[")
        if bracketed { rest = rest.dropFirst() }
        let stamp = rest.prefix { $0.isNumber || $0 == ":" }
        guard stamp.contains(":"), stamp.split(separator: ":").allSatisfy({ !$0.isEmpty && $0.count <= 2 }) else { return text }
        rest = rest.dropFirst(stamp.count)
        if bracketed {
            guard rest.hasPrefix("]") else { return text }
            rest = rest.dropFirst()
        }
        return rest.drop { $0 == " " }
    }

    /// Drops `01.`, `1)`, `01 -` at the start (not a number that is part of an artist name).
    static func dropTrackNumber(_ text: Substring) -> Substring {
        let digits = text.prefix { $0.isNumber }
        guard (1...3).contains(digits.count) else { return text }
        let rest = text.dropFirst(digits.count)
        if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return rest.dropFirst(2) }
        // "01 - Artist - Title": only when another separator follows.
        if rest.hasPrefix(" - ") && rest.dropFirst(3).contains(" - ") { return rest.dropFirst(3) }
        return text
    }

    /// Drops trailing `[…]` groups and a trailing `(…)` that is not a version.
    static func dropTrailingLabels(_ title: String) -> String {
        var result = title
        while result.hasSuffix("]"), let open = result.range(of: "[", options: .backwards) {
            result = String(result[..<open.lowerBound]).trimmingCharacters(in: .whitespaces)
        }
        if result.hasSuffix(")"), let open = result.range(of: "(", options: .backwards), open.lowerBound > result.startIndex {
            let inside = result[open.upperBound..<result.index(before: result.endIndex)].lowercased()
            if !versionWords.contains(where: { inside.contains($0) }) {
                result = String(result[..<open.lowerBound]).trimmingCharacters(in: .whitespaces)
            }
        }
        return result
    }
}

import Foundation
import GRDB

extension LibraryMigrations {
    /// Migration v6: every stored path in canonical form (absolute, links resolved, no `//`, `.`
    /// or trailing `/`), and tracks that were the same file under two spellings (a scan of "/"
    /// stored "//music/a.flac" beside "/music/a.flac") merged into one. The track kept is the one
    /// already at the canonical path, else the oldest analysed one; the others' tracklist
    /// entries, saved-set references, analysis and factors (where the kept track lacks them)
    /// move to it. The graph is derived data: it is dropped when anything merged, and rebuilt on
    /// the next plan.
    static func canonicalPaths(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT t.id, t.path, a.trackId IS NOT NULL FROM track t LEFT JOIN analysis a ON a.trackId = t.id
            WHERE t.path IS NOT NULL ORDER BY t.id
            """)
        var groups: [String: [(id: Int64, path: String, analysed: Bool)]] = [:]
        for row in rows {
            let path: String = row[1]
            groups[canonical(path), default: []].append((row[0], path, row[2]))
        }
        var merged: [Int64: Int64] = [:]
        for (canonicalPath, members) in groups {
            let keeper = members.first { $0.path == canonicalPath } ?? members.first { $0.analysed } ?? members[0]
            for member in members where member.id != keeper.id {
                merged[member.id] = keeper.id
                try db.execute(sql: "UPDATE tracklistEntry SET trackId = ? WHERE trackId = ?", arguments: [keeper.id, member.id])
                try db.execute(sql: "UPDATE OR IGNORE analysis SET trackId = ? WHERE trackId = ?", arguments: [keeper.id, member.id])
                try db.execute(sql: "UPDATE OR IGNORE factor SET trackId = ? WHERE trackId = ?", arguments: [keeper.id, member.id])
                try db.execute(sql: "DELETE FROM track WHERE id = ?", arguments: [member.id])
            }
            if keeper.path != canonicalPath {
                try db.execute(sql: "UPDATE track SET path = ? WHERE id = ?", arguments: [canonicalPath, keeper.id])
            }
        }
        guard !merged.isEmpty else { return }
        try db.execute(sql: "DELETE FROM graphAdjacency")
        for row in try Row.fetchAll(db, sql: "SELECT id, document FROM savedSet") {
            let document: Data = row[1]
            guard var object = try? JSONSerialization.jsonObject(with: document) as? [String: Any] else { continue }
            guard renumber(&object, merged) else { continue }
            let rewritten = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            try db.execute(sql: "UPDATE savedSet SET document = ? WHERE id = ?", arguments: [rewritten, row[0] as String])
        }
    }

    /// The canonical spelling of a stored path: `realpath(3)` when the file exists, else the path
    /// standardised by text alone.
    private static func canonical(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else { parts.append(part) }
        }
        let lexical = (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
        guard let resolved = realpath(lexical, nil) else { return lexical }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Replaces merged track ids in a set document (its tracks' `id`, its transitions' `from` and
    /// `to`, and the same in its alternatives). Returns whether anything changed.
    private static func renumber(_ set: inout [String: Any], _ merged: [Int64: Int64]) -> Bool {
        var changed = false
        func map(_ value: Any?) -> Int64? {
            guard let number = (value as? NSNumber)?.int64Value, let target = merged[number] else { return nil }
            changed = true
            return target
        }
        if var tracks = set["tracks"] as? [[String: Any]] {
            for index in tracks.indices { if let id = map(tracks[index]["id"]) { tracks[index]["id"] = id } }
            set["tracks"] = tracks
        }
        if var transitions = set["transitions"] as? [[String: Any]] {
            for index in transitions.indices {
                for key in ["from", "to"] { if let id = map(transitions[index][key]) { transitions[index][key] = id } }
            }
            set["transitions"] = transitions
        }
        if var alternatives = set["alternatives"] as? [[String: Any]] {
            for index in alternatives.indices where renumber(&alternatives[index], merged) { changed = true }
            set["alternatives"] = alternatives
        }
        return changed
    }
}

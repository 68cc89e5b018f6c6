import DJModel
import Foundation
import PlaylistFormats

/// One named set in the list of saved sets (`GET /sets`, `segue sets`).
public struct SavedSetSummary: Sendable, Hashable, Codable {
    /// The id of the named version.
    public var id: String
    /// The DJ's name for it.
    public var name: String
    /// `set` or `bridge`.
    public var kind: DJSet.Kind
    /// Its first track, as the list shows it (`Artist – Title`).
    public var firstTrack: String
    /// How many tracks it has.
    public var tracks: Int
    /// Its length in seconds.
    public var duration: Double
    /// When this version was stored, as ISO 8601.
    public var savedAt: String
}

extension Segue {
    /// The longest name a saved set may have, in characters.
    public static let maxSetNameCharacters = 100
    /// The longest name a saved set may have, in UTF-8 bytes.
    public static let maxSetNameBytes = 400
    /// The most named sets ``namedSets()`` lists.
    public static let maxListedSets = 500

    /// Stores `set` in the library under a new id and returns it with that id; with a `name`
    /// (``nameSet(id:name:)``'s rules), stored under that name in the same write. The newest 1000
    /// unnamed sets are kept, and every named one.
    /// - Parameter replacing: whether `name` may be taken from another set holding it (409 otherwise).
    public func save(_ set: DJSet, name: String? = nil, replacing: Bool = false) throws(SegueError) -> DJSet {
        try saveDocument(set, name: name, replacing: replacing).set
    }

    /// Stores `set` under a new id (and `name`, when given) and returns it with its stored
    /// document: compact JSON with sorted keys, the same bytes the API answers with, so a service
    /// encodes each set once.
    /// - Throws: ``SegueError`` `.invalidInput` for a name ``nameSet(id:name:)`` refuses.
    public func saveDocument(_ set: DJSet, name: String? = nil, replacing: Bool = false) throws(SegueError) -> (set: DJSet, json: Data) {
        var saved = set
        saved.id = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        saved.name = try name.map { name throws(SegueError) in try Self.checkedSetName(name) }
        let document = try Self.document(of: saved)
        try libraryCall { try library.saveSet(id: saved.id!, document: document, name: saved.name, replacing: replacing) }
        return (saved, document)
    }

    /// The set stored under `id`.
    /// - Throws: ``SegueError`` `.notFound` for an unknown id.
    public func savedSet(id: String) throws(SegueError) -> DJSet {
        try Self.checkSetId(id)
        guard let data = try libraryCall({ try library.savedSet(id: id) }) else { throw SegueError(.notFound, "no set with id \(id)") }
        do { return try JSONSetDocument().decode(data, source: "set \(id)") } catch { throw SegueError(.ioFailure, error.description) }
    }

    /// Names the set stored under `id` (the version a DJ keeps): `name` is trimmed, 1–100
    /// characters; a name another set holds is refused unless `replacing` (then that set loses
    /// it: a name means one set).
    /// - Throws: ``SegueError`` `.notFound` for an unknown id, `.invalidInput` for an empty or
    ///   long name, `.conflict` for a name another set holds.
    public func nameSet(id: String, name: String, replacing: Bool = false) throws(SegueError) -> DJSet {
        let trimmed = try Self.checkedSetName(name)
        var set = try savedSet(id: id)
        set.name = trimmed
        guard try libraryCall({ try library.nameSavedSet(id: id, name: trimmed, document: try Self.document(of: set), replacing: replacing) }) else {
            throw SegueError(.notFound, "no set with id \(id)")
        }
        return set
    }

    /// The named sets, newest first (at most ``maxListedSets``).
    public func namedSets() throws(SegueError) -> [SavedSetSummary] {
        let rows = try libraryCall { try library.namedSets(limit: Self.maxListedSets) }
        let formatter = ISO8601DateFormatter()
        return rows.compactMap { row in
            guard let set = try? JSONSetDocument().decode(row.document, source: "set \(row.id)") else { return nil }
            let first = set.tracks.first.map { ($0.artist.isEmpty ? "" : $0.artist + " – ") + $0.title } ?? ""
            return SavedSetSummary(id: row.id, name: row.name, kind: set.kind, firstTrack: first, tracks: set.tracks.count,
                                   duration: set.duration, savedAt: formatter.string(from: Date(timeIntervalSince1970: row.createdAt)))
        }
    }

    /// Deletes the set stored under `id`.
    /// - Throws: ``SegueError`` `.invalidInput` for an id that cannot be one, `.notFound` for an
    ///   unknown id.
    public func deleteSet(id: String) throws(SegueError) {
        try Self.checkSetId(id)
        guard try libraryCall({ try library.deleteSavedSet(id: id) }) else { throw SegueError(.notFound, "no set with id \(id)") }
    }

    /// Refuses an id that cannot be a stored set's (letters and digits, at most 64).
    static func checkSetId(_ id: String) throws(SegueError) {
        guard id.count <= 64, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw SegueError(.invalidInput, "a set id is letters and digits, got '\(id.prefix(64))'")
        }
    }

    /// `name` trimmed, when it is a name a set may have: 1–``maxSetNameCharacters`` characters on one line.
    /// The name's UTF-8 bytes are limited too (``maxSetNameBytes``): one character may hold any
    /// number of combining marks, so a limit in characters alone bounds nothing. Control
    /// characters (ESC, BEL, NUL…) and bidirectional overrides are refused: a name is printed on
    /// terminals and pages.
    static func checkedSetName(_ name: String) throws(SegueError) -> String {
        guard name.utf8.count <= maxSetNameBytes * 4 else {
            throw SegueError(.invalidInput, "a set's name is at most \(maxSetNameCharacters) characters (\(maxSetNameBytes) bytes)", field: "name")
        }
        let trimmed = name.trimmingWhitespace
        guard !trimmed.isEmpty, trimmed.count <= maxSetNameCharacters, trimmed.utf8.count <= maxSetNameBytes,
              !trimmed.contains(where: { $0.isNewline }) else {
            throw SegueError(.invalidInput, "a set's name is 1–\(maxSetNameCharacters) characters (at most \(maxSetNameBytes) bytes) on one line", field: "name")
        }
        if trimmed.unicodeScalars.contains(where: \.isHiddenControl) {
            throw SegueError(.invalidInput, "a set's name may not hold control characters (escape, bell, NUL…)", field: "name")
        }
        return trimmed
    }

    /// The stored form of `set`: compact JSON with sorted keys.
    static func document(of set: DJSet) throws(SegueError) -> Data {
        do { return try JSONSetDocument().compact(set) } catch { throw SegueError.wrap(error, as: .invalidInput) }
    }
}

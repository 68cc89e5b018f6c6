/// Track references in requests (`seed`, `from`, `to`, `pins`, `exclude`, an edit's `track`): a
/// string (id, path or `artist - title`) or, since `GET /tracks` answers ids as numbers, an
/// integer id.
extension KeyedDecodingContainer {
    /// The track reference under `key`, as text: a JSON string as it is, an integer as its digits.
    /// - Throws: `DecodingError.typeMismatch` naming both accepted types for anything else.
    public func decodeTrackReference(forKey key: Key) throws -> String {
        if let id = try? decode(Int64.self, forKey: key) { return String(id) }
        do { return try decode(String.self, forKey: key) } catch DecodingError.typeMismatch(_, let context) {
            throw DecodingError.typeMismatch(String.self, DecodingError.Context(
                codingPath: context.codingPath, debugDescription: "a track is named by its id (a number or a string), path or 'artist - title'"))
        }
    }

    /// ``decodeTrackReference(forKey:)`` when the key may be absent or null.
    public func decodeTrackReferenceIfPresent(forKey key: Key) throws -> String? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decodeTrackReference(forKey: key)
    }

    /// A list of track references (each a string or an integer id), or nil when absent.
    public func decodeTrackReferencesIfPresent(forKey key: Key) throws -> [String]? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        var list = try nestedUnkeyedContainer(forKey: key)
        var references: [String] = []
        while !list.isAtEnd {
            if let id = try? list.decode(Int64.self) { references.append(String(id)) } else { references.append(try list.decode(String.self)) }
        }
        return references
    }
}

/// A track reference on its own (a pin's value): a string or an integer id, kept as text.
struct TrackReference: Decodable {
    /// The reference as text.
    let text: String

    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if let id = try? single.decode(Int64.self) { text = String(id) } else { text = try single.decode(String.self) }
    }
}

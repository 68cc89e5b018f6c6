/// A track reference in a request (`seed`, `from`, `to`, `pins`, `exclude`, an edit's `track`):
/// a string (id, path or `artist - title`) or, since `GET /tracks` answers ids as numbers, an
/// integer id; kept as text either way.
struct TrackReference: Decodable {
    /// The reference as text (an integer as its digits).
    let text: String

    /// Reads a JSON string as it is and an integer as its digits.
    /// - Throws: `DecodingError.typeMismatch` naming both accepted types for anything else.
    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if let id = try? single.decode(Int64.self) {
            text = String(id)
            return
        }
        do { text = try single.decode(String.self) } catch DecodingError.typeMismatch(_, let context) {
            throw DecodingError.typeMismatch(String.self, DecodingError.Context(
                codingPath: context.codingPath, debugDescription: "a track is named by its id (a number or a string), path or 'artist - title'"))
        }
    }
}

extension KeyedDecodingContainer {
    /// The track reference under `key`, as text (``TrackReference``).
    public func decodeTrackReference(forKey key: Key) throws -> String { try decode(TrackReference.self, forKey: key).text }

    /// A list of track references under `key`, as text, or nil when absent or null.
    public func decodeTrackReferencesIfPresent(forKey key: Key) throws -> [String]? {
        try decodeIfPresent([TrackReference].self, forKey: key)?.map(\.text)
    }
}

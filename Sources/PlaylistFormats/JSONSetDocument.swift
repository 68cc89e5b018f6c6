import DJModel
import Foundation

/// The JSON set document (the `json` format and the API's answer; its fields are listed in the
/// README under "The set document").
public struct JSONSetDocument: SetCodec {
    /// Creates the format.
    public init() {}

    public var fileExtension: String { "json" }
    public var contentType: String { "application/json" }

    public func write(_ set: DJSet, options: ExportOptions) throws(PlaylistFormatError) -> Data {
        let set = options.mapped(set)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do { return try encoder.encode(set) } catch { throw .malformed(source: "set", line: 0, reason: "\(error)") }
    }

    /// The set as compact JSON with sorted keys and unescaped slashes (what the API answers
    /// with and the library stores), export options not applied.
    public func compact(_ set: DJSet) throws(PlaylistFormatError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do { return try encoder.encode(set) } catch { throw .malformed(source: "set", line: 0, reason: "\(error)") }
    }

    /// Decodes a whole set document.
    public func decode(_ data: Data, source: String) throws(PlaylistFormatError) -> DJSet {
        do { return try JSONDecoder().decode(DJSet.self, from: data) } catch {
            throw .malformed(source: source, line: 0, reason: "not a Segue set document (\(DecodingProblem.summary(of: error)))")
        }
    }

    public func readTracks(_ data: Data, source: String) throws(PlaylistFormatError) -> [PlaylistEntry] {
        try decode(data, source: source).tracks.map { 
            PlaylistEntry(path: $0.path, artist: $0.artist, title: $0.title, duration: $0.duration, bpm: $0.bpm,
                          key: $0.key)
        }
    }
}

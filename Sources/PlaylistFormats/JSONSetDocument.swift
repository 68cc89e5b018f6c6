import DJModel
import Foundation

/// The JSON set document (the `json` format and the API's answer; its fields are listed in the
/// README under "The set document").
public struct JSONSetDocument: SetWriter {
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
            throw .malformed(source: source, line: 0, reason: "not a Segue set document (\(Self.summary(of: error)))")
        }
    }

    /// What is wrong, by field, without quoting the file's values (a document may be any file).
    static func summary(of error: any Error) -> String {
        func field(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "the document" : "'" + path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".") + "'"
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?: return "\(field(context.codingPath + [key])) is missing"
        case .typeMismatch(_, let context)?: return "\(field(context.codingPath)) has the wrong type"
        case .valueNotFound(_, let context)?: return "\(field(context.codingPath)) is null"
        case .dataCorrupted(let context)?: return context.codingPath.isEmpty ? "not valid JSON" : "\(field(context.codingPath)) has an invalid value"
        default: return "unreadable"
        }
    }

    public func readTracks(_ data: Data, source: String) throws(PlaylistFormatError) -> [PlaylistEntry] {
        try decode(data, source: source).tracks.map { 
            PlaylistEntry(path: $0.path, artist: $0.artist, title: $0.title, duration: $0.duration, bpm: $0.bpm,
                          key: $0.key)
        }
    }
}

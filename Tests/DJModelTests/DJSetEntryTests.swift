import DJModel
import Foundation
import Testing

/// A set entry's key is typed; the document keeps writing it as `key` (name) and `camelot`, and
/// reading takes whichever of the two parses.
struct DJSetEntryTests {
    static func entry(key: String, camelot: String) -> String {
        #"{"id": 3, "path": "/m/a.flac", "artist": "A", "title": "T", "duration": 300, "bpm": 124, "key": "\#(key)", "camelot": "\#(camelot)", "energy": 6, "start": 0}"#
    }

    @Test func keyIsReadFromEitherNameOrCamelotAndWrittenAsBoth() throws {
        let decoder = JSONDecoder()
        let named = try decoder.decode(DJSet.Entry.self, from: Data(Self.entry(key: "A minor", camelot: "").utf8))
        #expect(named.key == MusicalKey(tonic: 9, mode: .minor) && named.camelot == "8A")
        let coded = try decoder.decode(DJSet.Entry.self, from: Data(Self.entry(key: "?", camelot: "8B").utf8))
        #expect(coded.key == MusicalKey(tonic: 0, mode: .major))
        let unknown = try decoder.decode(DJSet.Entry.self, from: Data(Self.entry(key: "", camelot: "").utf8))
        #expect(unknown.key == nil && unknown.camelot == "")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let written = try #require(String(data: encoder.encode(named), encoding: .utf8))
        #expect(written.contains(#""camelot":"8A""#) && written.contains(#""key":"A minor""#))
        #expect(try decoder.decode(DJSet.Entry.self, from: encoder.encode(named)) == named)
    }
}

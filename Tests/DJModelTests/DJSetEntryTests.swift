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

/// Where exports put bar lines: the first beat's place in Segue's bar and the first bar line.
@Suite struct BarLineTests {
    private func entry(firstBeat: Double?, downbeat: Double?, bpm: Double = 120) -> DJSet.Entry {
        DJSet.Entry(id: TrackID(1), path: "", artist: "", title: "", duration: 300, bpm: bpm, key: nil, energy: 5, start: 0,
                    firstBeat: firstBeat, downbeat: downbeat)
    }

    @Test func theFirstBeatsPlaceInTheBar() {
        #expect(entry(firstBeat: 0.5, downbeat: 0.5).barPositionOfFirstBeat == 1)
        #expect(entry(firstBeat: 0.5, downbeat: 2.0).barPositionOfFirstBeat == 2, "three beats before bar 1 is beat 2")
        #expect(entry(firstBeat: 0.5, downbeat: 1.0).barPositionOfFirstBeat == 4, "one beat before bar 1 is beat 4")
        #expect(entry(firstBeat: 0.5, downbeat: nil).barPositionOfFirstBeat == 1, "unknown bars: the first beat is beat 1")
        #expect(entry(firstBeat: 2.5, downbeat: 0.5).barPositionOfFirstBeat == 1, "four beats after bar 1 starts a bar")
    }

    @Test func theFirstBarLineIsADownbeatAtOrAfterTheStart() {
        #expect(abs(entry(firstBeat: 0.5, downbeat: 2.0).firstBarLine - 0.0) < 1e-9, "2.0 s minus one 2-second bar")
        #expect(abs(entry(firstBeat: 0.5, downbeat: 1.5).firstBarLine - 1.5) < 1e-9)
        #expect(abs(entry(firstBeat: 0.5, downbeat: 5.25).firstBarLine - 1.25) < 1e-9)
        #expect(entry(firstBeat: 0.7, downbeat: nil).firstBarLine == 0.7)
    }

    @Test func theDownbeatRoundTripsThroughTheDocument() throws {
        let written = try JSONEncoder().encode(entry(firstBeat: 0.489, downbeat: 1.976))
        #expect(try JSONDecoder().decode(DJSet.Entry.self, from: written).downbeat == 1.976)
    }
}

import DJModel
import Foundation
import PlaylistFormats
import Testing

/// The shared contract every exporter runs: write a set, read it back, get the same tracks in order.
@Suite struct SetWriterContractTests {
    static let sample = DJSet(kind: .set, seed: "Nova - Hollow Atlas", duration: 620, tracks: [
        DJSet.Entry(id: TrackID(1), path: "/music/Nova - Hollow Atlas.flac", artist: "Nova", title: "Hollow Atlas", duration: 300,
                    bpm: 124, key: "A minor", camelot: "8A", energy: 6, start: 0),
        DJSet.Entry(id: TrackID(7), path: "/music/Sigur, \"Quoted\" & Ünïcode – ☂.flac", artist: "Sigur, Rós & Co", title: "Title - With Dash",
                    duration: 320.5, bpm: 126.5, key: "E minor", camelot: "9A", energy: 7, start: 300),
    ], transitions: [
        Transition(from: TrackID(1), to: TrackID(7), score: 0.87, components: .init(als: 0.9, content: 0.8, bpm: 0.8, key: 0.9, energy: 1),
                   explanation: "8A → 9A, +1 on the Camelot wheel"),
    ])

    @Test(arguments: SetFormat.allCases.filter { $0.writer != nil })
    func roundTripsPathsArtistsAndTitles(format: SetFormat) throws {
        let writer = try #require(format.writer)
        let data = try writer.write(Self.sample)
        let entries = try writer.readTracks(data, source: "roundtrip.\(writer.fileExtension)")
        #expect(entries.map(\.path) == Self.sample.tracks.map(\.path))
        #expect(entries.map(\.title) == Self.sample.tracks.map(\.title))
        if format != .m3u8 {
            #expect(entries.map(\.artist) == Self.sample.tracks.map(\.artist))
        }
    }

    @Test func jsonDocumentKeepsEveryField() throws {
        let data = try JSONSetDocument().write(Self.sample)
        #expect(try JSONSetDocument().decode(data, source: "x") == Self.sample)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(Set(object?.keys.map { $0 } ?? []) == ["kind", "seed", "duration", "tracks", "transitions"])
        let track = (object?["tracks"] as? [[String: Any]])?.first
        #expect(Set(track?.keys.map { $0 } ?? []) == ["id", "path", "artist", "title", "duration", "bpm", "key", "camelot", "energy", "start"])
    }

    @Test func m3u8MatchesItsGoldenFile() throws {
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/golden/SetWriterContractTests.m3u8MatchesItsGoldenFile.m3u8")
        let data = try M3U8Playlist().write(Self.sample)
        #expect(String(decoding: data, as: UTF8.self) == (try String(contentsOf: golden, encoding: .utf8)))
    }

    @Test func unknownFormatNamesTheChoices() throws {
        #expect(throws: PlaylistFormatError.unknownFormat("wma")) { try SetFormat(name: "wma") }
        #expect(try SetFormat(name: "M3U") == .m3u8)
    }

    @Test func malformedJSONIsAnError() {
        #expect(throws: PlaylistFormatError.self) { try JSONSetDocument().decode(Data("{\"kind\":".utf8), source: "bad.json") }
    }
}

import DJModel
import Foundation
import PlaylistFormats
import Testing

/// The shared contract every exporter runs: write a set, read it back, get the same tracks in
/// order with every field the format keeps.
@Suite struct SetCodecContractTests {
    static let sample = DJSet(kind: .set, seed: "Nova - Hollow Atlas", duration: 620, tracks: [
        DJSet.Entry(id: TrackID(1), path: "/music/Nova - Hollow Atlas.flac", artist: "Nova", title: "Hollow Atlas", duration: 300,
                    bpm: 124, key: MusicalKey(parsing: "A minor"),  energy: 6, start: 0),
        DJSet.Entry(id: TrackID(7), path: "/music/Sigur, \"Quoted\" & Ünïcode – ☂.flac", artist: "Sigur, Rós & Co", title: "Title - With Dash",
                    duration: 320.5, bpm: 126.5, key: MusicalKey(parsing: "E minor"),  energy: 7, start: 300),
    ], transitions: [
        Transition(from: TrackID(1), to: TrackID(7), score: 0.87, components: .init(als: 0.9, content: 0.8, bpm: 0.8, key: 0.9, energy: 1),
                   explanation: "8A → 9A, +1 on the Camelot wheel"),
    ])

    /// Checks `entries` against `set` for every field `writer` keeps.
    static func expectSameTracks(_ entries: [PlaylistEntry], as set: DJSet, writer: any SetCodec) {
        #expect(entries.count == set.tracks.count)
        for (entry, track) in zip(entries, set.tracks) {
            #expect(entry.path == FileLocation.normalized(track.path, writer.pathNormalization))
            let fields = writer.storedFields
            if fields.contains(.title) { #expect(entry.title.precomposedStringWithCanonicalMapping == track.title.precomposedStringWithCanonicalMapping) }
            if fields.contains(.artist) { #expect(entry.artist.precomposedStringWithCanonicalMapping == track.artist.precomposedStringWithCanonicalMapping) }
            if fields.contains(.bpm) { #expect(entry.bpm.map { abs($0 - track.bpm) < 0.005 } == true) }
            if fields.contains(.key) { #expect(entry.key == track.key) }
            if fields.contains(.duration) { #expect(entry.duration.map { abs($0 - track.duration) <= 0.5 } == true) }
        }
    }

    @Test(arguments: SetFormat.allCases)
    func roundTripsEveryStoredField(format: SetFormat) throws {
        let writer = format.codec
        for set in [Self.sample, ExportSamples.hard] {
            let data = try writer.write(set)
            let entries = try writer.readTracks(data, source: "roundtrip.\(writer.fileExtension)")
            Self.expectSameTracks(entries, as: set, writer: writer)
        }
    }

    @Test(arguments: SetFormat.allCases)
    func appliesPathPrefixes(format: SetFormat) throws {
        let options = ExportOptions(pathMapping: try PathMapping(parsing: ["/music=/Volumes/USB/Music"]))
        let entries = try format.codec.readTracks(try format.codec.write(Self.sample, options: options), source: "mapped")
        let expected = format == .serato ? "/Music/Nova - Hollow Atlas.flac" : "/Volumes/USB/Music/Nova - Hollow Atlas.flac"
        #expect(entries.first?.path == expected)
    }

    @Test(arguments: SetFormat.allCases)
    func malformedInputIsANamedError(format: SetFormat) {
        let writer = format.codec
        let garbage: [Data] = [Data("<DJ_PLAYLISTS><COLLECTION><TRACK".utf8), Data([0x76, 0x72, 0x73, 0x6E, 0xFF, 0xFF, 0xFF, 0xFF, 0x00]),
                               Data("#EXTM3U\n#EXTINF:12 no comma\n/a.mp3\n".utf8), Data("position,start\n1,\"unterminated\n".utf8)]
        var failures = 0
        for data in garbage {
            do { _ = try writer.readTracks(data, source: "bad.\(writer.fileExtension)") } catch {
                failures += 1
                #expect(error.description.hasPrefix("bad.\(writer.fileExtension)"))
            }
        }
        // An M3U file is any list of lines; only a broken #EXTINF is malformed.
        #expect(failures >= (format == .m3u8 ? 1 : 3), "the \(format.rawValue) reader accepted garbage")
    }

    @Test func jsonDocumentKeepsEveryField() throws {
        let data = try JSONSetDocument().write(Self.sample)
        #expect(try JSONSetDocument().decode(data, source: "x") == Self.sample)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(Set(object?.keys.map { $0 } ?? []) == ["kind", "seed", "duration", "tracks", "transitions"])
        let track = (object?["tracks"] as? [[String: Any]])?.first
        #expect(Set(track?.keys.map { $0 } ?? []) == ["id", "path", "artist", "title", "duration", "bpm", "key", "camelot", "energy", "start"])
        #expect(try JSONSetDocument().decode(try JSONSetDocument().write(ExportSamples.hard), source: "x") == ExportSamples.hard)
    }

    @Test func m3u8MatchesItsGoldenFile() throws {
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/golden/SetCodecContractTests.m3u8MatchesItsGoldenFile.m3u8")
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

import DJModel
import Foundation
import PlaylistFormats
import SegueCore
import Testing

/// A DJ's existing playlists, in every format Segue exports, come back in as tracklists and as seeds.
@Suite struct PlaylistImportTests {
    @Test(arguments: SetFormat.allCases)
    func exportsImportAsTracklistsAndSeeds(format: SetFormat) throws {
        let report = try SmallDemo.report.get()
        let segue = try Segue(libraryPath: report.libraryPath)
        let set = report.set
        // The drive root is the folder holding the music; a crate lives in ROOT/_Serato_/Subcrates.
        let musicRoot = (set.tracks[0].path as NSString).deletingLastPathComponent
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("segue-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file: String
        if format == .serato {
            file = try Segue.export(set, format: .serato, to: musicRoot, options: ExportOptions(playlistName: "import-\(UUID().uuidString)",
                                                                                              volumeRoot: musicRoot))
        } else {
            file = try Segue.export(set, format: format, to: folder.appendingPathComponent("set.\(format.codec.fileExtension)").path)
        }
        defer { if format == .serato { try? FileManager.default.removeItem(atPath: file) } }
        let imported = try segue.importTracklists(files: [file])
        #expect(imported.tracklists == 1)
        #expect(imported.matched == set.tracks.count, "\(format): \(imported)")
        #expect(imported.unmatched == 0)
        #expect(try segue.resolveTrack(file).id == set.tracks[set.tracks.count - 1].id)
    }

    /// A Spotify playlist exported by Exportify, columns shuffled: a tracklist matched by artist and
    /// title, a seed (its last library track), and Spotify's numbers beside the tracks' own.
    @Test func spotifyPlaylistsImportWithTheirNumbers() throws {
        let report = try SmallDemo.report.get()
        let segue = try Segue(libraryPath: report.libraryPath)
        let tracks = Array(report.set.tracks.prefix(3))
        var csv = "Energy,Artist Name(s),Tempo,Track Name,Key,Mode,Album Name,Track URI\n"
        for (index, track) in tracks.enumerated() {
            csv += "0.\(5 + index),\"\(track.artist),Someone Else\",\(track.bpm + 0.4),\"\(track.title)\",\(index),1,,spotify:track:ID\(index)\n"
        }
        csv += "0.9,Nobody Known,120,Not In The Library,2,0,,spotify:track:IDX\n"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("Spotify \(UUID().uuidString).csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let imported = try segue.importTracklists(files: [file.path])
        #expect(imported.tracklists == 1 && imported.matched == 3 && imported.unmatched == 1, "\(imported)")
        #expect(imported.serviceFeatures == 3 && imported.matchedTrackIds == tracks.map(\.id.rawValue))
        #expect(try segue.resolveTrack(file.path).id == tracks[2].id, "the playlist seeds a set from its last library track")
        let detail = try segue.trackDetail(id: tracks[1].id.rawValue)
        let spotify = try #require(detail.services.first)
        #expect(spotify.service == "spotify" && spotify.externalId == "ID1" && spotify.energy == 0.6)
        #expect(spotify.bpm == tracks[1].bpm + 0.4 && spotify.key == MusicalKey(tonic: 1, mode: .major))
        #expect(detail.bpm != spotify.bpm, "Segue's own tempo is kept")
    }

    @Test func aPlaylistWithNoLibraryTrackIsNoSeed() throws {
        let report = try SmallDemo.report.get()
        let segue = try Segue(libraryPath: report.libraryPath)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("elsewhere-\(UUID().uuidString).m3u8").path
        try "#EXTM3U\n#EXTINF:300,Nobody - Nothing\n/nowhere/x.mp3\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect { _ = try segue.resolveTrack(path) } throws: { "\($0)".contains("none of its tracks") }
    }
}

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

    @Test func aPlaylistWithNoLibraryTrackIsNoSeed() throws {
        let report = try SmallDemo.report.get()
        let segue = try Segue(libraryPath: report.libraryPath)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("elsewhere-\(UUID().uuidString).m3u8").path
        try "#EXTM3U\n#EXTINF:300,Nobody - Nothing\n/nowhere/x.mp3\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect { _ = try segue.resolveTrack(path) } throws: { "\($0)".contains("none of its tracks") }
    }
}

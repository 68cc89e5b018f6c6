import DJModel
import Foundation
import PlaylistFormats
import SegueCore
import Testing

@Suite struct ExportTests {
    static let set = DJSet(kind: .set, seed: "Nova - Hollow Atlas", duration: 300, tracks: [
        DJSet.Entry(id: TrackID(1), path: "/music/a.flac", artist: "Nova", title: "Hollow Atlas", duration: 300, bpm: 124, key: MusicalKey(parsing: "A minor"),
                     energy: 6, start: 0),
    ], transitions: [])

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("segue-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func seratoCratesGoUnderTheDriveRootAndStayThere() throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let written = try Segue.export(Self.set, format: .serato, to: root.path, options: ExportOptions(playlistName: "../../escape/Friday"))
        #expect(written.hasPrefix(root.standardizedFileURL.path + "/_Serato_/Subcrates/"))
        #expect(written.hasSuffix(".crate"))
        #expect(FileManager.default.fileExists(atPath: written))
        #expect(try SeratoCrate.paths(Data(contentsOf: URL(fileURLWithPath: written)), source: written) == ["music/a.flac"])
    }

    @Test func everyFormatWritesTheFileItWasGiven() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in SetFormat.allCases {
            let target = folder.appendingPathComponent("sub dir/set.\(format.codec.fileExtension)").path
            let written = try Segue.export(Self.set, format: format, to: target)
            #expect(written == URL(fileURLWithPath: target).standardizedFileURL.path)
            let entries = try format.codec.readTracks(try Data(contentsOf: URL(fileURLWithPath: written)), source: written)
            #expect(entries.count == 1)
        }
    }

    @Test func downloadNamesAreASCIIAndSayWhatTheyAre() {
        var set = Self.set
        set.seed = "Sigur Rós — Ára bátur / \"live\""
        #expect(Segue.exportFileName(for: set, format: .rekordbox) == "segue-set-sigur-r-s-ra-b-tur-live.xml")
        set.seed = "☂"
        #expect(Segue.exportFileName(for: set, format: .traktor) == "segue-set.nml")
    }
}

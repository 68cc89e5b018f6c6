import DJModel
import Foundation
import PlaylistFormats
import Testing

@Suite struct SeratoCrateTests {
    @Test func pathsAreRelativeToTheDrive() {
        #expect(SeratoCrate.relativePath("C:\\Music\\a.mp3", volumeRoot: nil) == "Music/a.mp3")
        #expect(SeratoCrate.relativePath("/Volumes/USB/Techno/b.mp3", volumeRoot: nil) == "Techno/b.mp3")
        #expect(SeratoCrate.relativePath("/Users/dj/c.mp3", volumeRoot: nil) == "Users/dj/c.mp3")
        #expect(SeratoCrate.relativePath("/media/usb/d.mp3", volumeRoot: "/media/usb") == "d.mp3")
        #expect(SeratoCrate.relativePath("/elsewhere/e.mp3", volumeRoot: "/media/usb") == "elsewhere/e.mp3")
    }

    @Test func crateNamesAreSafeFileNames() {
        #expect(SeratoCrate.fileName(for: "../../etc/passwd") == "-..-etc-passwd.crate")
        #expect(SeratoCrate.fileName(for: "Friday: \"peak\" *time*") == "Friday- -peak- -time-.crate")
        #expect(SeratoCrate.fileName(for: "...") == "Segue.crate")
        // A right-to-left override would show "Friday\u{202E}etarc.exe" as "Fridayexe.crate…".
        #expect(SeratoCrate.fileName(for: "Friday\u{202E}exe.crate\u{200B}") == "Fridayexe.crate.crate")
        #expect(!SeratoCrate.fileName(for: String(repeating: "x", count: 500)).contains("/"))
    }

    @Test func writesTheCrateLayout() throws {
        let data = try SeratoCrate().write(SetCodecContractTests.sample)
        let bytes = [UInt8](data)
        #expect(Array(bytes[0..<4]) == Array("vrsn".utf8))
        let versionLength = Int(bytes[4]) << 24 | Int(bytes[5]) << 16 | Int(bytes[6]) << 8 | Int(bytes[7])
        #expect(versionLength == SeratoCrate.version.utf16.count * 2)
        // UTF-16 big-endian: "1" is 0x00 0x31.
        #expect(Array(bytes[8..<10]) == [0x00, 0x31])
        #expect(try SeratoCrate.paths(data, source: "x.crate") == ["music/Nova - Hollow Atlas.flac", "music/Sigur, \"Quoted\" & Ünïcode – ☂.flac"])
    }

    @Test func truncatedCratesNameTheOffset() throws {
        let data = try SeratoCrate().write(SetCodecContractTests.sample)
        for cut in [3, 9, data.count - 5] {
            #expect {
                _ = try SeratoCrate.paths(data.prefix(cut), source: "cut.crate")
            } throws: { error in
                guard case .malformedBinary(let source, let offset, _) = error as? PlaylistFormatError else { return false }
                return source == "cut.crate" && offset >= 0 && offset < cut
            }
        }
        #expect(throws: PlaylistFormatError.self) { try SeratoCrate.paths(Data("otrk\0\0\0\0".utf8), source: "no-version.crate") }
    }
}

import DJModel
import Foundation
import PlaylistFormats
import Testing

@Suite struct TraktorNMLTests {
    @Test func splitsPathsIntoVolumeDirAndFile() {
        let mac = TraktorLocation(path: "/Users/dj/Music/a.mp3", systemVolume: "Macintosh HD")
        #expect(mac.volume == "Macintosh HD" && mac.dir == "/:Users/:dj/:Music/:" && mac.file == "a.mp3")
        #expect(mac.primaryKey == "Macintosh HD/:Users/:dj/:Music/:a.mp3")
        let usb = TraktorLocation(path: "/Volumes/USB/Techno/b.flac", systemVolume: "Macintosh HD")
        #expect(usb.volume == "USB" && usb.dir == "/:Techno/:")
        let windows = TraktorLocation(path: "C:\\Music\\c.wav", systemVolume: "Macintosh HD")
        #expect(windows.volume == "C:" && windows.dir == "/:Music/:" && windows.file == "c.wav")
        for location in [mac, usb, windows] {
            let path = location.path(systemVolume: "Macintosh HD")
            #expect(TraktorLocation(path: path, systemVolume: "Macintosh HD") == location)
        }
    }

    @Test func keysUseTraktorsNumbering() throws {
        #expect(KeyNotation.traktorValue(try #require(MusicalKey(parsing: "A minor"))) == 21)
        #expect(KeyNotation.traktorValue(try #require(MusicalKey(parsing: "C major"))) == 0)
        #expect(KeyNotation.key(traktorValue: 23) == MusicalKey(parsing: "B minor"))
        #expect(KeyNotation.key(traktorValue: 24) == nil)
    }

    @Test func readsPlaylistsOfATraktorCollection() throws {
        let nml = """
        <?xml version="1.0" encoding="UTF-8" standalone="no" ?>
        <NML VERSION="19"><HEAD COMPANY="www.native-instruments.com" PROGRAM="Traktor"></HEAD>
        <COLLECTION ENTRIES="1"><ENTRY TITLE="Deep &amp; Dark" ARTIST="Nova">
        <LOCATION DIR="/:Users/:dj/:" FILE="a.mp3" VOLUME="Macintosh HD" VOLUMEID="x"></LOCATION>
        <TEMPO BPM="124.000000" BPM_QUALITY="100.000000"></TEMPO><MUSICAL_KEY VALUE="21"></MUSICAL_KEY></ENTRY></COLLECTION>
        <PLAYLISTS><NODE TYPE="FOLDER" NAME="$ROOT"><SUBNODES COUNT="1"><NODE TYPE="PLAYLIST" NAME="Friday">
        <PLAYLIST ENTRIES="2" TYPE="LIST" UUID="u"><ENTRY><PRIMARYKEY TYPE="TRACK" KEY="Macintosh HD/:Users/:dj/:a.mp3"></PRIMARYKEY></ENTRY>
        <ENTRY><PRIMARYKEY TYPE="TRACK" KEY="D:/:Music/:missing.mp3"></PRIMARYKEY></ENTRY></PLAYLIST></NODE></SUBNODES></NODE></PLAYLISTS></NML>
        """
        let playlists = try TraktorNML.read(Data(nml.utf8), source: "collection.nml")
        #expect(playlists.map(\.name) == ["Friday"])
        let entries = try #require(playlists.first?.entries)
        #expect(entries.map(\.path) == ["/Users/dj/a.mp3", "D:/Music/missing.mp3"])
        #expect(entries.first?.title == "Deep & Dark")
        #expect(entries.first?.bpm == 124)
        #expect(entries.first?.key == MusicalKey(parsing: "A minor"))
    }

    @Test func brokenXMLNamesTheLine() {
        #expect {
            _ = try TraktorNML.read(Data("<NML>\n<COLLECTION>\n<ENTRY TITLE=\"x></COLLECTION>".utf8), source: "bad.nml")
        } throws: { error in
            guard case .malformed(let source, let line, _) = error as? PlaylistFormatError else { return false }
            return source == "bad.nml" && line >= 1
        }
    }
}

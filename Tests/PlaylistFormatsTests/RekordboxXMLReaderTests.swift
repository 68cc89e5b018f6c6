import Foundation
import PlaylistFormats
import Testing

@Suite struct RekordboxXMLReaderTests {
    static let document = """
    <?xml version="1.0" encoding="UTF-8"?>
    <DJ_PLAYLISTS Version="1.0.0">
      <PRODUCT Name="rekordbox" Version="6.8.5" Company="AlphaTheta"/>
      <COLLECTION Entries="3">
        <TRACK TrackID="1" Name="Glue" Artist="Bicep" TotalTime="269" Location="file://localhost/Users/dj/Music/Bicep%20-%20Glue.mp3"/>
        <TRACK TrackID="2" Name="Café &amp; Co" Artist="Artiste" TotalTime="300" Location="file://localhost/C:/Music/Caf%C3%A9%20%26%20Co.flac"/>
        <TRACK TrackID="3" Name="Sun" Artist="Caribou" TotalTime="301" Location="file://localhost/Users/dj/Music/sun.wav"/>
      </COLLECTION>
      <PLAYLISTS>
        <NODE Type="0" Name="ROOT" Count="2">
          <NODE Type="0" Name="HISTORY" Count="1">
            <NODE Name="2024-05-01" Type="1" KeyType="0" Entries="3">
              <TRACK Key="3"/><TRACK Key="1"/><TRACK Key="2"/>
            </NODE>
          </NODE>
          <NODE Name="Warm-up" Type="1" KeyType="1" Entries="1">
            <TRACK Key="file://localhost/Users/dj/Music/sun.wav"/>
          </NODE>
        </NODE>
      </PLAYLISTS>
    </DJ_PLAYLISTS>
    """

    @Test func readsHistoryAndPlaylistsInOrder() throws {
        let playlists = try RekordboxXMLReader.read(Data(Self.document.utf8), source: "rb.xml")
        #expect(playlists.map(\.path) == ["HISTORY/2024-05-01", "Warm-up"])
        #expect(playlists[0].entries.map(\.title) == ["Sun", "Glue", "Café & Co"])
        #expect(playlists[0].entries[2].path == "C:/Music/Café & Co.flac")
        #expect(playlists[0].entries[1].path == "/Users/dj/Music/Bicep - Glue.mp3")
        #expect(playlists[1].entries.map(\.path) == ["/Users/dj/Music/sun.wav"])
    }

    @Test func brokenXMLNamesTheLine() {
        let broken = "<DJ_PLAYLISTS>\n<COLLECTION>\n<TRACK TrackID=\"1\" Location=\"x\"\n</DJ_PLAYLISTS>"
        #expect {
            _ = try RekordboxXMLReader.read(Data(broken.utf8), source: "broken.xml")
        } throws: { error in
            "\(error)".hasPrefix("broken.xml:") && "\(error)".contains("XML")
        }
        #expect(throws: PlaylistFormatError.self) { try RekordboxXMLReader.read(Data("<playlist/>".utf8), source: "x.xml") }
    }
}

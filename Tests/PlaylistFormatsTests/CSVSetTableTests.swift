import DJModel
import Foundation
import PlaylistFormats
import Testing

/// The CSV table carries each track's mix-in and mix-out cues and the technique into the next
/// track, and tables written before those columns existed still read.
@Suite struct CSVSetTableTests {
    @Test func rowsCarryCuesAndTheMixIntoTheNextTrack() throws {
        var set = SetCodecContractTests.sample
        set.tracks[0].cues = [TrackCue(name: "Mix in", kind: .mixIn, time: 0.5), TrackCue(name: "Mix out", kind: .mixOut, time: 240.25)]
        set.transitions[0].mix = TransitionMix(outCue: 240.25, inCue: 1.5, beats: 64, technique: .bassSwap, bassSwapBeat: 32,
                                               tempoFrom: 124, tempoTo: 126.5, confident: true)
        let text = String(decoding: try CSVSetTable().write(set), as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == CSVSetTable.header)
        #expect(lines[1].hasSuffix(",0.500,240.250,bass-swap 16 bars"), "\(lines[1])")
        #expect(lines[2].hasSuffix(",0.870,,,"), "no cues on the second track, nothing after the last: \(lines[2])")
    }

    @Test func tablesWithoutCueColumnsStillRead() throws {
        let old = CSVSetTable.headerWithoutCues + "\n1,0.0,Nova,Hollow Atlas,124.00,A minor,8A,6,300.0,/music/a.flac,\n"
        let entries = try CSVSetTable().readTracks(Data(old.utf8), source: "old.csv")
        #expect(entries.count == 1 && entries[0].title == "Hollow Atlas" && entries[0].bpm == 124)
        let short = CSVSetTable.header + "\n1,0.0,Nova,Hollow Atlas,124.00,A minor,8A,6,300.0,/music/a.flac,\n"
        #expect(throws: PlaylistFormatError.self) { try CSVSetTable().readTracks(Data(short.utf8), source: "short.csv") }
    }

    /// Tags that a spreadsheet would run as formulas are written as text (a leading `'`), and read
    /// back as they were.
    @Test func formulaCellsAreNeutralisedAndReadBack() throws {
        var set = SetCodecContractTests.sample
        set.tracks[0].artist = "=HYPERLINK(\"http://evil.example\",\"x\")"
        set.tracks[0].title = "@SUM(1+1)*cmd|' /C calc'!A0"
        set.tracks[1].artist = "-2+3"
        set.tracks[1].title = "+44 Tonight"
        let text = String(decoding: try CSVSetTable().write(set), as: UTF8.self)
        let rows = try CSVField.rows(text).dropFirst().map(\.fields)
        for cell in [rows[0][2], rows[0][3], rows[1][2], rows[1][3]] {
            #expect(cell.hasPrefix("'"), "\(cell) must start with ' in the file")
        }
        #expect(!rows[0][4].hasPrefix("'"), "numbers stay numbers")
        let entries = try CSVSetTable().readTracks(Data(text.utf8), source: "x.csv")
        #expect(entries[0].artist == set.tracks[0].artist && entries[0].title == set.tracks[0].title)
        #expect(entries[1].artist == "-2+3" && entries[1].title == "+44 Tonight")
    }
}

import DJModel
import Foundation
import PlaylistFormats
import Testing

/// Spotify playlists exported by Exportify: told by their header whatever the column order,
/// Spotify's tempo, key (pitch class and mode) and energy kept, empty feature columns (exports
/// made since Spotify withdrew its audio features) read as unknown, bad rows named.
@Suite struct ExportifyCSVTests {
    static let header = "Track URI,Track Name,Album Name,Artist Name(s),Release Date,Duration (ms),Popularity,Added By,Added At,"
        + "Genres,Record Label,Danceability,Energy,Key,Loudness,Mode,Speechiness,Acousticness,Instrumentalness,Liveness,Valence,Tempo,Time Signature"

    @Test func readsTracksWithSpotifysNumbers() throws {
        let text = Self.header + "\n"
            + "spotify:track:4uLU6hMCjMI75M1A2tKUQC,\"Velvet Drift\",Segue Demo,\"Nova,Juno\",2024-01-01,415000,40,,,house,,0.7,0.82,9,-6.5,0,0.05,0.01,0.8,0.1,0.4,127.98,4\n"
            + "spotify:track:0AbCdEfGhIjKlMnOpQrStU,\"Harbour, Part 2\",,Quill,,300000,,,,,,,,,,,,,,,,,\n"
        let entries = try ExportifyCSV.read(text, source: "Friday.csv")
        #expect(entries.map(\.artist) == ["Nova", "Quill"], "the first of the comma-joined artists")
        #expect(entries.map(\.title) == ["Velvet Drift", "Harbour, Part 2"])
        let first = try #require(entries[0].service)
        #expect(first == ServiceFeatures(service: "spotify", externalId: "4uLU6hMCjMI75M1A2tKUQC", bpm: 127.98,
                                         key: MusicalKey(parsing: "A minor"), energy: 0.82, loudness: -6.5))
        #expect(entries[0].duration == 415 && entries[0].bpm == 127.98 && entries[0].key?.camelot == "8A")
        let second = try #require(entries[1].service)
        #expect(second.bpm == nil && second.key == nil && second.energy == nil, "empty feature columns are unknown")
    }

    @Test func columnsInAnyOrderAndOlderHeaders() throws {
        let text = "\u{FEFF}Tempo,Mode,Key,Energy,Artist Name(s),Track Name,Spotify ID\n174.1,1,0,0.9,Rhea,Neon Garden,https://open.spotify.com/track/7xYz?si=1\n"
        #expect(ExportifyCSV.matches(text: text))
        let entry = try #require(try ExportifyCSV.read(text, source: "x.csv").first)
        #expect(entry.artist == "Rhea" && entry.title == "Neon Garden" && entry.service?.externalId == "7xYz")
        #expect(entry.service?.key == MusicalKey(parsing: "C major") && entry.service?.bpm == 174.1 && entry.service?.energy == 0.9)
        #expect(try ExportifyCSV.read("Track URI,Track Name,Artist Name(s),Key,Mode\nu,T,A,-1,1\n", source: "y.csv").first?.key == nil,
                "key −1 is unknown")
    }

    /// Each numeric column with a number no conversion survives: the file is refused naming the
    /// line and the column, never read into a trap.
    @Test func numbersOutOfRangeAreRefusedNamingTheColumn() {
        for column in ["Key", "Mode", "Tempo", "Energy", "Loudness", "Duration (ms)"] {
            for number in ["1e300", "-1e300", "NaN", "Infinity", "9223372036854775808"] {
                let text = "Track URI,Track Name,Artist Name(s),\(column)\nspotify:track:x,T,A,\(number)\n"
                let error = #expect(throws: PlaylistFormatError.self) { try ExportifyCSV.read(text, source: "k.csv") }
                #expect(error?.description.contains("k.csv:2") == true && error?.description.contains(column.lowercased()) == true,
                        "\(column) = \(number): \(String(describing: error))")
            }
        }
    }

    /// A playlist entry's numbers are checked before the import stores them.
    @Test func entriesWithImpossibleNumbersAreRefused() throws {
        #expect(throws: PlaylistFormatError.self) { try PlaylistEntry(path: "", artist: "A", title: "T", duration: 1e300).checked(position: 1, source: "x") }
        #expect(throws: PlaylistFormatError.self) { try PlaylistEntry(path: "", artist: "A", title: "T", bpm: .nan).checked(position: 1, source: "x") }
        #expect(throws: PlaylistFormatError.self) { try PlaylistEntry(path: "", artist: "A", title: "T", bpm: -1).checked(position: 1, source: "x") }
        #expect(try PlaylistEntry(path: "", artist: "A", title: "T", duration: 300, bpm: 128).checked(position: 1, source: "x").bpm == 128)
    }

    @Test func otherCSVsAreNotExportify() {
        #expect(!ExportifyCSV.matches(text: "set_id,position,artist,title\na,1,X,Y\n"))
        #expect(!ExportifyCSV.matches(text: "Track Name,Artist Name(s)\nT,A\n"), "no id column")
        #expect(!ExportifyCSV.matches(text: ""))
    }

    @Test func badRowsNameTheLine() {
        let error = #expect(throws: PlaylistFormatError.self) {
            try ExportifyCSV.read("Track URI,Track Name,Artist Name(s)\nspotify:track:a,T,A\nspotify:track:b,,\n", source: "z.csv")
        }
        #expect(error?.description.contains("z.csv") == true && error?.description.contains("3") == true, "\(String(describing: error))")
    }
}

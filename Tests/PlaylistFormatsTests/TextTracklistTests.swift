import PlaylistFormats
import Testing

@Suite struct TextTracklistTests {
    @Test func readsMixesDBStyleLines() throws {
        let text = """
        # Some DJ @ Some Club, 2024
        [00:00] Bicep - Glue (Ninja Tune)
        [1:02:30] Floorplan & Friend - Never Grow Old (Someone Remix) [M-Plant - MP01]
        01. Caribou - Sun
        2) Four Tet – Baby [Text Records]
        03 - Daft Punk - Veridis Quo
        ?
        ID - ID
        [12:00] ??? - ???
        Burial — Archangel (feat. Nobody)

        Underworld - Born Slippy (Nuxx) (Original Mix)
        """
        let list = try TextTracklist.read(text, setId: "club-2024", source: "set.txt")
        let pairs = list.entries.map { "\($0.artist) | \($0.title)" }
        #expect(pairs == [
            "Bicep | Glue",
            "Floorplan & Friend | Never Grow Old (Someone Remix)",
            "Caribou | Sun",
            "Four Tet | Baby",
            "Daft Punk | Veridis Quo",
            "Burial | Archangel (feat. Nobody)",
            "Underworld | Born Slippy (Nuxx) (Original Mix)",
        ])
        #expect(list.unknownEntries == 3)
        #expect(list.setId == "club-2024")
    }

    @Test func aFileWithNoTrackIsANamedError() {
        #expect {
            _ = try TextTracklist.read("?\nID - ID\n", setId: "x", source: "empty.txt")
        } throws: { error in
            "\(error)".contains("empty.txt") && "\(error)".contains("2 unknown")
        }
    }

    @Test func numbersInArtistNamesStay() throws {
        let list = try TextTracklist.read("808 State - Pacific State\n2 Unlimited - Get Ready\n", setId: "x", source: "n.txt")
        #expect(list.entries.map(\.artist) == ["808 State", "2 Unlimited"])
    }
}

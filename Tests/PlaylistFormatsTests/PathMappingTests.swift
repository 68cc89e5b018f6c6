import PlaylistFormats
import Testing

@Suite struct PathMappingTests {
    @Test func longestPrefixWinsAndOnlyWholeFolders() throws {
        let mapping = try PathMapping(parsing: ["/music=/Volumes/USB", "/music/techno=/Volumes/TECHNO/"])
        #expect(mapping.apply("/music/techno/a.mp3") == "/Volumes/TECHNO/a.mp3")
        #expect(mapping.apply("/music/house/b.mp3") == "/Volumes/USB/house/b.mp3")
        #expect(mapping.apply("/musical/c.mp3") == "/musical/c.mp3")
        #expect(mapping.apply("/other/d.mp3") == "/other/d.mp3")
    }

    @Test func windowsTargetsUseForwardSlashes() throws {
        let mapping = try PathMapping(parsing: ["/home/dj/Music=D:\\Music"])
        #expect(mapping.apply("/home/dj/Music/Deep/a b.flac") == "D:/Music/Deep/a b.flac")
    }

    @Test func rulesNeedAnEqualsSignAndAPrefix() {
        #expect(throws: PlaylistFormatError.self) { try PathMapping(parsing: ["/music"]) }
        #expect(throws: PlaylistFormatError.self) { try PathMapping(parsing: ["=/x"]) }
    }
}

@Suite struct PathMappingRootTests {
    @Test func theRootMapsEverything() throws {
        #expect(try PathMapping(parsing: ["/=D:/"]).apply("/tmp/a.mp3") == "D:/tmp/a.mp3")
        #expect(try PathMapping(parsing: ["/=/Volumes/USB/"]).apply("/tmp/a.mp3") == "/Volumes/USB/tmp/a.mp3")
    }
}

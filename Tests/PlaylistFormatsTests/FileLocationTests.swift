import PlaylistFormats
import Testing

@Suite struct FileLocationTests {
    @Test func encodesWhatURIsReserve() {
        #expect(FileLocation.fileURI("/Users/dj/100% #1 & co.mp3", host: "localhost")
                == "file://localhost/Users/dj/100%25%20%231%20%26%20co.mp3")
        #expect(FileLocation.fileURI("C:\\Music\\é.mp3", host: "localhost") == "file://localhost/C:/Music/%C3%A9.mp3")
        #expect(FileLocation.fileURI("/a/b.mp3") == "file:///a/b.mp3")
    }

    @Test func decodesBackToThePath() {
        for path in ["/Users/dj/100% #1 & co.mp3", "C:/Music/é 🎧.mp3", "/a/שלום.aiff"] {
            #expect(FileLocation.path(fromFileURI: FileLocation.fileURI(path, host: "localhost")) == path)
            #expect(FileLocation.path(fromFileURI: FileLocation.fileURI(path)) == path)
        }
        #expect(FileLocation.path(fromFileURI: "not a uri") == "not a uri")
    }

    @Test func recognisesDrivePaths() {
        #expect(FileLocation.isWindowsDrivePath("C:/Music"))
        #expect(FileLocation.isWindowsDrivePath("d:\\x"))
        #expect(!FileLocation.isWindowsDrivePath("/C:/x"))
        #expect(!FileLocation.isWindowsDrivePath("Cd:/x"))
    }

    @Test func normalisesUnicode() {
        let decomposed = "Cafe\u{301}"
        #expect(FileLocation.normalized(decomposed, .composed).unicodeScalars.count == 4)
        #expect(FileLocation.normalized("Café", .decomposed).unicodeScalars.count == 5)
        #expect(FileLocation.normalized(decomposed, .asIs).unicodeScalars.count == 5)
    }
}

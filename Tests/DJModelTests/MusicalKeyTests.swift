import DJModel
import Testing

@Suite struct MusicalKeyTests {
    @Test(arguments: [
        ("C major", "8B", "1d"), ("A minor", "8A", "1m"), ("G major", "9B", "2d"), ("E minor", "9A", "2m"),
        ("F major", "7B", "12d"), ("D minor", "7A", "12m"), ("F# minor", "11A", "4m"), ("C# major", "3B", "8d"),
        ("B major", "1B", "6d"), ("G# minor", "1A", "6m"), ("A# major", "6B", "11d"), ("D# minor", "2A", "7m"),
    ])
    func camelotAndOpenKeyCodes(name: String, camelot: String, openKey: String) throws {
        let key = try #require(MusicalKey(parsing: name))
        #expect(key.name == name)
        #expect(key.camelot == camelot)
        #expect(key.openKey == openKey)
        #expect(MusicalKey(parsing: camelot) == key)
        #expect(MusicalKey(parsing: openKey) == key)
    }

    @Test func everyKeyHasAUniqueCamelotCodeAndRoundTrips() throws {
        #expect(Set(MusicalKey.all.map(\.camelot)).count == 24)
        for key in MusicalKey.all {
            #expect(MusicalKey(parsing: key.name) == key)
            #expect(key.relative.relative == key)
            #expect(key.relative.camelotNumber == key.camelotNumber)
        }
    }

    @Test func parsesShorthandAndFlats() {
        #expect(MusicalKey(parsing: "Am") == MusicalKey(tonic: 9, mode: .minor))
        #expect(MusicalKey(parsing: "Bb minor") == MusicalKey(tonic: 10, mode: .minor))
        #expect(MusicalKey(parsing: "F#m") == MusicalKey(tonic: 6, mode: .minor))
        #expect(MusicalKey(parsing: "H major") == nil)
        #expect(MusicalKey(parsing: "13A") == nil)
        #expect(MusicalKey(parsing: "") == nil)
    }

    @Test func camelotDistanceWrapsAroundTheWheel() throws {
        let twelve = try #require(MusicalKey(parsing: "12A")), one = try #require(MusicalKey(parsing: "1A"))
        #expect(twelve.camelotDistance(to: one) == 1)
        #expect(MusicalKey(tonic: 0, mode: .major).camelotDistance(to: MusicalKey(tonic: 6, mode: .major)) == 6)
    }
}

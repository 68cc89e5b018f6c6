import DJModel
import SegueCore
import Testing

/// The search box's filters in words: Camelot and Open Key codes, key names, tempos and energies
/// come out of the text as filters, everything else stays words; and they narrow the explicit
/// filters rather than widen them.
@Suite struct SearchTextTests {
    static func key(_ text: String) -> MusicalKey { MusicalKey(parsing: text)! }

    @Test func keysComeOutOfTheWords() {
        #expect(SearchText("7A").filter.keys == [Self.key("7A")] && SearchText("7A").words.isEmpty)
        #expect(SearchText("8b deep").filter.keys == [Self.key("8B")] && SearchText("8b deep").words == "deep")
        #expect(SearchText("1m").filter.keys == [Self.key("A minor")])
        let named = SearchText("D minor techno")
        #expect(named.filter.keys == [Self.key("D minor")] && named.words == "techno", "not the words 'D' and 'minor'")
        #expect(SearchText("F#m").filter.keys == [Self.key("F# minor")] && SearchText("Bb major").filter.keys == [Self.key("Bb major")])
        // Words that only look like keys stay words.
        #expect(SearchText("I am here").filter.keys.isEmpty && SearchText("I am here").words == "I am here")
        #expect(SearchText("minor threat").filter.keys.isEmpty && SearchText("13A 0B").filter.keys.isEmpty)
        #expect(SearchText("a minor").filter.keys.isEmpty, "a lower-case 'a' is a word")
    }

    @Test func temposAndEnergies() {
        let one = SearchText("128 bpm")
        #expect(one.filter.minBPM == 127.5 && one.filter.maxBPM == 128.5 && one.words.isEmpty)
        let range = SearchText("acid 120-130bpm")
        #expect(range.filter.minBPM == 120 && range.filter.maxBPM == 130 && range.words == "acid")
        let energy = SearchText("energy 5-8 dub")
        #expect(energy.filter.minEnergy == 5 && energy.filter.maxEnergy == 8 && energy.words == "dub")
        #expect(SearchText("energy:7").filter.minEnergy == 7)
        #expect(SearchText("999 bpm").filter.minBPM == nil && SearchText("999 bpm").words == "999 bpm")
        #expect(SearchText("energy 12").filter.minEnergy == nil)
    }

    @Test func theTextNarrowsTheFilters() throws {
        let text = SearchText("8A 120-130 bpm")
        let both = try #require(text.narrowing(TrackFilter(minBPM: 125, keys: [Self.key("8A"), Self.key("9A")])))
        #expect(both.keys == [Self.key("8A")] && both.minBPM == 125 && both.maxBPM == 130)
        #expect(text.narrowing(TrackFilter(keys: [Self.key("3B")])) == nil, "disjoint keys match nothing")
        #expect(text.narrowing(TrackFilter(minBPM: 140)) == nil)
        #expect(SearchText("house").narrowing(.none) == TrackFilter.none)
    }
}

import DJModel
import Foundation
import SegueCore
import Testing

/// `similar`'s filters: key (same, compatible), tempo (half and double time), genre (same,
/// other), energy; their text forms refused with the field named; on the demo library, every
/// result passes and the filtered ranking is the unfiltered one with the others taken out.
@Suite struct SimilarFilterTests {
    static let aMinor = MusicalKey(parsing: "A minor")!, cMajor = MusicalKey(parsing: "C major")!
    static let eMinor = MusicalKey(parsing: "E minor")!, fSharpMajor = MusicalKey(parsing: "F# major")!

    func admits(_ filter: SimilarFilter, bpm: Double = 124, key: MusicalKey? = aMinor, genre: String = "House", energy: Int = 5) -> Bool {
        filter.admits(bpm: bpm, key: key, genre: genre, energy: energy, seedBPM: 124, seedKey: Self.aMinor, seedGenre: "house ")
    }

    @Test func keysTemposGenresAndEnergies() {
        #expect(admits(SimilarFilter()))
        #expect(admits(SimilarFilter(key: .same)) && !admits(SimilarFilter(key: .same), key: Self.cMajor))
        #expect(admits(SimilarFilter(key: .compatible), key: Self.cMajor) && admits(SimilarFilter(key: .compatible), key: Self.eMinor))
        #expect(!admits(SimilarFilter(key: .compatible), key: Self.fSharpMajor) && !admits(SimilarFilter(key: .same), key: nil))
        let tempo = SimilarFilter(bpmTolerancePercent: 2.5)
        #expect(admits(tempo, bpm: 127) && !admits(tempo, bpm: 128) && admits(tempo, bpm: 62.5) && admits(tempo, bpm: 246) && !admits(tempo, bpm: 100))
        #expect(admits(SimilarFilter(genre: .same)) && !admits(SimilarFilter(genre: .other)))
        #expect(admits(SimilarFilter(genre: .other), genre: "Techno") && !admits(SimilarFilter(genre: .other), genre: " "))
        #expect(admits(SimilarFilter(energy: 4...6)) && !admits(SimilarFilter(energy: 6...7)))
    }

    @Test func textFormsAndTheirErrors() throws {
        let filter = try SimilarFilter(key: "Same", bpmTolerance: "3%", genre: "other", energy: "4-7")
        #expect(filter == SimilarFilter(key: .same, bpmTolerancePercent: 3, genre: .other, energy: 4...7))
        #expect(try SimilarFilter(key: nil, bpmTolerance: nil, genre: nil, energy: "8").energy == 8...8)
        #expect(try SimilarFilter(key: nil, bpmTolerance: nil, genre: nil, energy: nil).isOpen)
        for (key, tolerance, genre, energy, field) in [("major", nil, nil, nil, "key"), (nil, "-1", nil, nil, "bpmTolerance"),
                                                      (nil, "60", nil, nil, "bpmTolerance"), (nil, nil, "jazz", nil, "genre"),
                                                      (nil, nil, nil, "7-4", "energy"), (nil, nil, nil, "0-11", "energy"),
                                                      (nil, nil, nil, "1-2-3", "energy")] as [(String?, String?, String?, String?, String)] {
            let error = #expect(throws: SegueError.self) { try SimilarFilter(key: key, bpmTolerance: tolerance, genre: genre, energy: energy) }
            #expect(error?.field == field)
        }
    }

    @Test func theDemoLibrarysNeighboursPassAndKeepTheirOrder() throws {
        let report = try SmallDemo.report.get()
        let segue = try Segue(libraryPath: report.libraryPath)
        let seed = report.set.tracks[0]
        let all = try segue.similarTracks(to: "\(seed.id)", by: .combined, limit: 500)
        let seedGenre = try #require(seed.genre?.lowercased())
        let filters = [SimilarFilter(key: .compatible), SimilarFilter(bpmTolerancePercent: 6), SimilarFilter(genre: .other),
                       SimilarFilter(genre: .same, energy: 1...10), SimilarFilter(key: .compatible, bpmTolerancePercent: 8, genre: .any)]
        var removed = 0
        for filter in filters {
            let filtered = try segue.similarTracks(to: "\(seed.id)", by: .combined, limit: 500, filter: filter)
            let expected = all.filter { item in
                filter.admits(bpm: item.track.bpm, key: item.track.key, genre: item.track.genre ?? "", energy: item.track.energy,
                              seedBPM: seed.bpm, seedKey: seed.key, seedGenre: seedGenre)
            }
            #expect(filtered.map(\.track.id) == expected.map(\.track.id), "\(filter)")
            removed += all.count - filtered.count
            if filter.genre == .other { #expect(filtered.allSatisfy { $0.track.genre?.lowercased() != seedGenre }) }
        }
        #expect(removed > 0, "no filter took a track out")
    }
}

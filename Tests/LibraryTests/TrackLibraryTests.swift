import DJModel
import Foundation
import Library
import Testing

@Suite struct TrackLibraryTests {
    private func temporaryLibrary() throws -> TrackLibrary {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("segue-library-\(UUID().uuidString)/library.sqlite").path
        return try TrackLibrary(path: path)
    }

    private func analysis(bpm: Double = 124, features: [Float] = [1, 2, 3]) -> TrackAnalysis {
        TrackAnalysis(duration: 300, tempo: Tempo(bpm: bpm, firstBeat: 0.1, confidence: 0.9), key: MusicalKey(tonic: 9, mode: .minor),
                      keyConfidence: 0.8, loudness: -9, loudnessRange: 5, energy: 7, features: FeatureVector(features))
    }

    @Test func storesAndReadsBackATrackWithItsAnalysis() throws {
        let library = try temporaryLibrary()
        let id = try library.storeScannedFile(path: "/music/a.flac", size: 100, modifiedAt: 5, contentHash: "ab",
                                              metadata: TrackMetadata(artist: "Ann", title: "One"), analysis: analysis())
        let track = try #require(try library.track(id: id))
        #expect(track.path == "/music/a.flac")
        #expect(track.metadata.artist == "Ann")
        #expect(track.analysis == analysis())
        let state = try #require(try library.fileStates()["/music/a.flac"])
        #expect(state.size == 100 && state.modifiedAt == 5 && state.analysisVersion == TrackAnalysis.currentVersion)
    }

    @Test func storesAndReadsBackATrackStructure() throws {
        let library = try temporaryLibrary()
        var withStructure = analysis()
        withStructure.structure = TrackStructure(
            downbeat: 0.1, barConfidence: 0.7, phrases: [0.1, 15.6, 23.3],
            sections: [TrackSection(label: .intro, start: 0.1, end: 15.6), TrackSection(label: .build, start: 15.6, end: 23.3),
                       TrackSection(label: .main, start: 23.3, end: 60)],
            mixIn: 15.6, mixOut: 23.3)
        let id = try library.storeScannedFile(path: "/music/s.flac", size: 1, modifiedAt: 1, contentHash: "cd",
                                              metadata: TrackMetadata(artist: "Sam", title: "Form"), analysis: withStructure)
        #expect(try library.track(id: id)?.analysis == withStructure)
        #expect(try library.analysedTracks().first { $0.id == id }?.analysis?.structure == withStructure.structure, "the bulk read too")
    }

    @Test func thePlanningRevisionMovesWithWhatPlannersRead() throws {
        let library = try temporaryLibrary()
        let start = try library.planningRevision()
        let id = try library.storeScannedFile(path: "/music/a.flac", size: 100, modifiedAt: 5, contentHash: "ab",
                                              metadata: TrackMetadata(artist: "Ann", title: "One"), analysis: analysis())
        let scanned = try library.planningRevision()
        #expect(scanned != start)
        try library.saveSet(id: "abc", document: Data("{}".utf8))
        try library.replaceTracklists(source: "s", [(externalId: "1", name: "one", trackIds: [id])])
        #expect(try library.planningRevision() == scanned, "saved sets and tracklists leave it alone")
        try library.setSetting(.transitionWeights, "{}")
        let weighted = try library.planningRevision()
        #expect(weighted != scanned)
        try library.replaceGraph([])
        #expect(try library.planningRevision() == weighted, "replacing an empty graph with an empty one changes nothing")
        try library.replaceGraph([TrackLibrary.StoredEdge(source: id, target: id, score: 1, als: 1, content: 1, bpm: 1, key: 1, energy: 1)])
        #expect(try library.planningRevision() != weighted)
    }

    @Test func rescanningAPathUpdatesInPlace() throws {
        let library = try temporaryLibrary()
        let first = try library.storeScannedFile(path: "/m/a.flac", size: 1, modifiedAt: 1, contentHash: "", metadata: TrackMetadata(title: "A"), analysis: analysis())
        let second = try library.storeScannedFile(path: "/m/a.flac", size: 2, modifiedAt: 2, contentHash: "", metadata: TrackMetadata(title: "A2"),
                                                  analysis: analysis(bpm: 128))
        #expect(first == second)
        #expect(try library.counts().tracks == 1)
        #expect(try library.track(id: first)?.analysis?.tempo.bpm == 128)
    }

    @Test func reopeningKeepsTheData() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("segue-library-\(UUID().uuidString).sqlite").path
        do {
            let library = try TrackLibrary(path: path)
            try library.storeScannedFile(path: "/m/x.wav", size: 1, modifiedAt: 1, contentHash: "", metadata: TrackMetadata(), analysis: analysis())
        }
        let counts = try TrackLibrary(path: path).counts()
        #expect(counts.tracks == 1 && counts.analysed == 1)
    }

    @Test func tracklistsReplaceBySourceAndId() throws {
        let library = try temporaryLibrary()
        let a = try library.catalogueTrack(metadata: TrackMetadata(artist: "Ann", title: "One"))
        let b = try library.catalogueTrack(metadata: TrackMetadata(artist: "Bob", title: "Two"))
        #expect(try library.catalogueTrack(metadata: TrackMetadata(artist: "ANN", title: "one (Original Mix)")) == a)
        try library.replaceTracklists(source: "f.csv", [("s1", "s1", [a, b]), ("s2", "s2", [b])])
        try library.replaceTracklists(source: "f.csv", [("s1", "s1", [a, b]), ("s2", "s2", [b])])
        let lists = try library.tracklists()
        #expect(lists.count == 2)
        #expect(lists.map(\.trackIds) == [[a, b], [b]])
    }

    @Test func searchMatchesEveryWordAndPages() throws {
        let library = try temporaryLibrary()
        for (index, (artist, title)) in [("Nova", "Midnight Harbour"), ("Nova", "Golden Pulse"), ("Juno", "Midnight Drift")].enumerated() {
            try library.storeScannedFile(path: "/m/\(index).flac", size: 1, modifiedAt: 1, contentHash: "",
                                         metadata: TrackMetadata(artist: artist, title: title), analysis: analysis())
        }
        #expect(try library.search("midnight", limit: 10, offset: 0).total == 2)
        #expect(try library.search("nova midnight", limit: 10, offset: 0).tracks.map(\.metadata.title) == ["Midnight Harbour"])
        let page = try library.search("", limit: 2, offset: 2)
        #expect(page.total == 3 && page.tracks.count == 1)
    }

    @Test func factorsAndGraphRoundTrip() throws {
        let library = try temporaryLibrary()
        let a = try library.storeScannedFile(path: "/m/a", size: 1, modifiedAt: 1, contentHash: "", metadata: TrackMetadata(), analysis: analysis())
        let b = try library.storeScannedFile(path: "/m/b", size: 1, modifiedAt: 1, contentHash: "", metadata: TrackMetadata(), analysis: analysis())
        try library.replaceFactors(kind: .als, [a: [0.5, -1.25], b: [3, 4]])
        #expect(try library.factors(kind: .als) == [a: [0.5, -1.25], b: [3, 4]])
        // Scores are stored as Float32 (32 bytes per edge): equal to 1e-7.
        let edges = [TrackLibrary.StoredEdge(source: a, target: b, score: 0.8, als: 0.9, content: 0.7, bpm: 1, key: 0.9, energy: 1),
                     TrackLibrary.StoredEdge(source: b, target: a, score: 0.6, als: 0.5, content: 0.4, bpm: 0.3, key: 0.2, energy: 0.1)]
        try library.replaceGraph(edges)
        let stored = try library.graphEdges()
        #expect(stored.map(\.source) == [a, b] && stored.map(\.target) == [b, a])
        for (found, expected) in zip(stored, edges) {
            for (x, y) in [(found.score, expected.score), (found.als, expected.als), (found.content, expected.content),
                           (found.bpm, expected.bpm), (found.key, expected.key), (found.energy, expected.energy)] {
                #expect(abs(x - y) < 1e-7)
            }
        }
        try library.replaceGraph([])
        #expect(try library.graphEdges().isEmpty)
    }

    @Test func namedSetsAreNeverPrunedAndANameMeansOneSet() throws {
        let library = try temporaryLibrary()
        try library.saveSet(id: "a", document: Data("a".utf8), keep: 2)
        #expect(try library.nameSavedSet(id: "a", name: "Keep", document: Data("a named".utf8)))
        #expect(try !library.nameSavedSet(id: "zz", name: "Keep", document: Data()))
        for name in ["b", "c", "d", "e"] { try library.saveSet(id: name, document: Data(name.utf8), keep: 2) }
        #expect(try library.savedSet(id: "a") == Data("a named".utf8), "a named set outlives the unnamed newest two")
        #expect(try library.savedSetCount() == 3 && library.savedSet(id: "c") == nil)
        #expect(try library.nameSavedSet(id: "e", name: "Keep", document: Data("e named".utf8), replacing: true))
        #expect(try library.namedSets(limit: 10).map(\.id) == ["e"])
        #expect(try library.savedSetName(id: "a") == nil && library.savedSetName(id: "e") == "Keep")
        #expect(try library.deleteSavedSet(id: "e") && !library.deleteSavedSet(id: "e"))
    }

    @Test func savedSetsKeepTheNewestAndReadManyTracksAtOnce() throws {
        let library = try temporaryLibrary()
        for name in ["a", "b", "c", "d", "e"] { try library.saveSet(id: name, document: Data(name.utf8), keep: 3) }
        #expect(try library.savedSetCount() == 3)
        #expect(try library.savedSet(id: "b") == nil && library.savedSet(id: "c") == Data("c".utf8))
        // Saving under an existing id makes it the newest.
        try library.saveSet(id: "c", document: Data("c2".utf8), keep: 3)
        try library.saveSet(id: "f", document: Data("f".utf8), keep: 3)
        #expect(try library.savedSet(id: "d") == nil)
        #expect(try ["c", "e", "f"].allSatisfy { try library.savedSet(id: $0) != nil })
        let ids = try ["/m/1", "/m/2", "/m/3"].map { path in
            try library.storeScannedFile(path: path, size: 1, modifiedAt: 1, contentHash: "", metadata: TrackMetadata(title: path),
                                         analysis: analysis())
        }
        let read = try library.tracks(ids: ids + [TrackID(9_999)])
        #expect(read.count == 3 && ids.allSatisfy { read[$0]?.path == "/m/\(ids.firstIndex(of: $0)! + 1)" })
        #expect(throws: LibraryError.self) { try library.tracks(ids: (1...501).map { TrackID(Int64($0)) }) }
    }

    @Test func matchKeyNormalises() {
        #expect(MatchKey.make(artist: "Beyoncé feat. Jay-Z", title: "Déjà Vu (Original Mix)") == MatchKey.make(artist: "beyonce", title: "deja vu"))
        #expect(MatchKey.make(artist: "A", title: "Song (B Remix)") != MatchKey.make(artist: "A", title: "Song"))
        #expect(MatchKey.make(artist: "A & B", title: "X") == MatchKey.make(artist: "a and b", title: "x"))
    }
}

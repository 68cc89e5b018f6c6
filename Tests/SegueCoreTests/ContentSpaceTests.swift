import DJModel
import Foundation
import Library
@testable import SegueCore
import SegueMath
import Testing

/// Training on a library of stored analyses (no audio needed): four scenes whose tracks share
/// a timbre and are played together in tracklists.
@Suite("Content space")
struct ContentSpaceTests {
    /// A library at `path` (``withTemporaryLibraryPath(_:_:)`` removes it) with `tracks` tracks.
    static func makeLibrary(tracks: Int, at path: String) throws -> (Segue, [TrackID]) {
        let library = try TrackLibrary(path: path)
        var random = SeededGenerator(seed: 31)
        var ids: [TrackID] = []
        for index in 0..<tracks {
            let scene = index % 4
            let features = (0..<12).map { dimension -> Float in
                (dimension % 4 == scene ? 2 : 0) + Float.random(in: -0.7...0.7, using: &random)
            }
            ids.append(try store(library, index: index, features: features))
        }
        var lists: [(externalId: String, name: String, trackIds: [TrackID])] = []
        for set in 0..<120 {
            let scene = set % 4
            let members = ids.indices.filter { $0 % 4 == scene }.shuffled(using: &random).prefix(8).map { ids[$0] }
            lists.append(("set\(set)", "Set \(set)", members))
        }
        try library.replaceTracklists(source: "test", lists)
        return (Segue(library: library), ids)
    }

    @discardableResult
    static func store(_ library: TrackLibrary, index: Int, features: [Float]) throws -> TrackID {
        let analysis = TrackAnalysis(duration: 300, tempo: Tempo(bpm: 124 + Double(index % 5)), key: MusicalKey(tonic: index % 12, mode: .minor),
                                     keyConfidence: 0.8, loudness: -9, loudnessRange: 4, energy: 6, features: FeatureVector(features))
        return try library.storeScannedFile(path: "/music/track\(index).flac", size: 1, modifiedAt: 0, contentHash: "h\(index)",
                                            metadata: TrackMetadata(artist: "Artist \(index % 7)", title: "Track \(index)"), analysis: analysis)
    }

    @Test func trainingMapsAudioIntoTheALSSpaceAndChecksColdStart() throws {
        try withTemporaryLibraryPath("content") { path in try trainingMapsAudioIntoTheALSSpace(at: path) }
    }

    private func trainingMapsAudioIntoTheALSSpace(at path: String) throws {
        let (segue, ids) = try Self.makeLibrary(tracks: 80, at: path)
        let report = try segue.train(options: .standard(threads: 2))
        #expect(["ridge", "network"].contains(report.contentModel))
        #expect(report.contentModelNote == nil)
        let check = try #require(report.coldStart)
        #expect(check.heldOut == 16)
        let chosen = try #require(check.recall(of: "chosen")), random = try #require(check.recall(of: "random"))
        #expect(chosen > 2 * random)
        let content = try segue.library.factors(kind: .content)
        #expect(content.count == ids.count)
        for vector in content.values { #expect(abs(vector.reduce(0) { $0 + $1 * $1 } - 1) < 1e-3) }

        // A track scanned after training lands in the same space, next to its scene.
        let newcomer = try Self.store(segue.library, index: 1000, features: (0..<12).map { $0 % 4 == 1 ? 2 : 0 })
        let nodes = try segue.graphNodes()
        let node = try #require(nodes.first { $0.id == newcomer })
        let sceneMate = try #require(content[ids[1]]), otherScene = try #require(content[ids[2]])
        let dot = { (a: [Float], b: [Float]) in zip(a, b).reduce(Float(0)) { $0 + $1.0 * $1.1 } }
        #expect(dot(node.contentVector, sceneMate) > dot(node.contentVector, otherScene))
    }

    @Test func tooFewTracksWithTracklistsFallBackToStandardisedFeatures() throws {
        let report = try withTemporaryLibraryPath("content") { path in
            try Self.makeLibrary(tracks: 12, at: path).0.train(options: .standard(threads: 1))
        }
        #expect(report.contentModel == "standardised features")
        #expect(report.contentModelNote?.contains("needs 20") == true)
        #expect(report.coldStart == nil)
    }
}

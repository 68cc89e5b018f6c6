import DJModel
import Foundation
import GRDB
@testable import Library
import Testing

/// The track and analysis records: the positional bulk read (``TrackRow``) reads what GRDB's
/// by-name read does, and a catalogue-only track is stored through the record.
@Suite struct TrackRecordTests {
    @Test func positionalReadsMatchReadsByName() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("segue-records-\(UUID().uuidString)/library.sqlite").path
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let library = try TrackLibrary(path: path)
        let analysis = TrackAnalysis(duration: 281, tempo: Tempo(bpm: 174.5, firstBeat: 0.31, confidence: 0.7, drift: 0.2),
                                     key: MusicalKey(tonic: 4, mode: .minor), keyConfidence: 0.66, tuningCents: -12,
                                     chroma: (0..<12).map { Double($0) / 12 }, loudness: -8.5, loudnessRange: 6, energy: 8,
                                     features: FeatureVector([0.5, -1, 2]), featureVersion: 3)
        let id = try library.storeScannedFile(path: "/m/dnb.flac", size: 42, modifiedAt: 7, contentHash: "cafe",
                                              metadata: TrackMetadata(artist: "Ártist", title: "Tïtle", album: "LP", genre: "DnB", comment: "c"),
                                              analysis: analysis)
        let catalogued = try library.catalogueTrack(metadata: TrackMetadata(artist: "Only", title: "In Tracklists"))
        try library.read { db in
            let row = try #require(try Row.fetchOne(db, sql: TrackRow.select + " WHERE t.id = ?", arguments: [id.rawValue]))
            let byName = try #require(try TrackRecord.fetchOne(db, key: id.rawValue))
            #expect(TrackRecord(selected: row) == byName)
            #expect(byName.path == "/m/dnb.flac" && byName.fileSize == 42 && byName.contentHash == "cafe" && byName.matchKey == MatchKey.make(artist: "Ártist", title: "Tïtle"))
            let analysisByName = try #require(try AnalysisRecord.fetchOne(db, key: ["trackId": id.rawValue]))
            #expect(AnalysisRecord.decodeSelected(row, from: TrackRecord.Columns.all.count)?.analysis == analysisByName.analysis)
            let chromaError = zip(analysisByName.analysis.chroma, analysis.chroma).map { abs($0 - $1) }.max() ?? 1
            #expect(analysisByName.analysis.tempo == analysis.tempo && chromaError < 1e-6 && analysisByName.analysis.key == analysis.key)
            let lone = try #require(try Row.fetchOne(db, sql: TrackRow.select + " WHERE t.id = ?", arguments: [catalogued.rawValue]))
            #expect(TrackRecord(selected: lone).path == nil)
            #expect(AnalysisRecord.decodeSelected(lone, from: TrackRecord.Columns.all.count) == nil)
        }
        #expect(try library.catalogueTrack(metadata: TrackMetadata(artist: "only", title: "in tracklists")) == catalogued)
    }
}

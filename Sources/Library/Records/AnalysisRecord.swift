import DJModel
import Foundation
import GRDB

/// A row of the `analysis` table: one track's analysis (``TrackAnalysis``), vectors packed as
/// ``FloatBlob``s.
struct AnalysisRecord: FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "analysis"

    /// The table's columns.
    enum Columns {
        static let trackId = Column("trackId"), version = Column("version"), duration = Column("duration"), bpm = Column("bpm")
        static let firstBeat = Column("firstBeat"), tempoConfidence = Column("tempoConfidence"), keyName = Column("keyName")
        static let keyConfidence = Column("keyConfidence"), loudness = Column("loudness"), loudnessRange = Column("loudnessRange")
        static let energy = Column("energy"), features = Column("features"), tempoDrift = Column("tempoDrift")
        static let tempoVariable = Column("tempoVariable"), tuningCents = Column("tuningCents"), featureVersion = Column("featureVersion")
        static let chroma = Column("chroma"), structure = Column("structure")
        /// Every column, in the order reads select them.
        static let all = [trackId, version, duration, bpm, firstBeat, tempoConfidence, keyName, keyConfidence, loudness, loudnessRange,
                          energy, features, tempoDrift, tempoVariable, tuningCents, featureVersion, chroma, structure]
    }

    /// The track analysed.
    var trackId: Int64
    /// What was measured.
    var analysis: TrackAnalysis

    /// The analysis of track `trackId`.
    init(_ analysis: TrackAnalysis, trackId: Int64) {
        self.trackId = trackId
        self.analysis = analysis
    }

    /// Reads a row by column name; `nil` when it holds no analysis (a track without one, in a left
    /// join) or a key name that no longer parses.
    static func decode(_ row: Row) -> AnalysisRecord? {
        guard let trackId: Int64 = row[Columns.trackId], let keyName: String = row[Columns.keyName],
              let key = MusicalKey(parsing: keyName) else { return nil }
        return AnalysisRecord(trackId: trackId, key: key, version: row[Columns.version], duration: row[Columns.duration],
                              bpm: row[Columns.bpm], firstBeat: row[Columns.firstBeat], tempoConfidence: row[Columns.tempoConfidence],
                              keyConfidence: row[Columns.keyConfidence], loudness: row[Columns.loudness],
                              loudnessRange: row[Columns.loudnessRange], energy: row[Columns.energy], features: row[Columns.features],
                              tempoDrift: row[Columns.tempoDrift], tuningCents: row[Columns.tuningCents],
                              featureVersion: row[Columns.featureVersion], chroma: row[Columns.chroma], structure: row[Columns.structure])
    }

    /// Reads the columns of ``Columns/all``, selected in that order from position `offset` of `row`
    /// (the bulk path, as ``TrackRecord/init(selected:from:)``); `nil` as ``decode(_:)``.
    static func decodeSelected(_ row: Row, from offset: Int = 0) -> AnalysisRecord? {
        guard let trackId: Int64 = row[offset], let keyName: String = row[offset + 6], let key = MusicalKey(parsing: keyName) else { return nil }
        return AnalysisRecord(trackId: trackId, key: key, version: row[offset + 1], duration: row[offset + 2], bpm: row[offset + 3], firstBeat: row[offset + 4],
                              tempoConfidence: row[offset + 5], keyConfidence: row[offset + 7], loudness: row[offset + 8], loudnessRange: row[offset + 9], energy: row[offset + 10],
                              features: row[offset + 11], tempoDrift: row[offset + 12], tuningCents: row[offset + 14], featureVersion: row[offset + 15], chroma: row[offset + 16],
                              structure: row[offset + 17])
    }

    private init(trackId: Int64, key: MusicalKey, version: Int, duration: Double, bpm: Double, firstBeat: Double, tempoConfidence: Double,
                 keyConfidence: Double, loudness: Double, loudnessRange: Double, energy: Int, features: Data, tempoDrift: Double,
                 tuningCents: Double, featureVersion: Int, chroma: Data?, structure: String?) {
        self.trackId = trackId
        analysis = TrackAnalysis(
            duration: duration, tempo: Tempo(bpm: bpm, firstBeat: firstBeat, confidence: tempoConfidence, drift: tempoDrift), key: key,
            keyConfidence: keyConfidence, tuningCents: tuningCents, chroma: chroma.map { FloatBlob.decode($0).map(Double.init) } ?? [],
            loudness: loudness, loudnessRange: loudnessRange, energy: energy, features: FeatureVector(FloatBlob.decode(features)),
            featureVersion: featureVersion, structure: structure.flatMap(Self.decodeStructure), version: version)
    }

    /// Reads a row that holds an analysis (see ``decode(_:)``; a row without one is a database error).
    init(row: Row) throws {
        guard let record = Self.decode(row) else { throw LibraryError.database("an analysis row without a readable key") }
        self = record
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.trackId] = trackId
        container[Columns.version] = analysis.version
        container[Columns.duration] = analysis.duration
        container[Columns.bpm] = analysis.tempo.bpm
        container[Columns.firstBeat] = analysis.tempo.firstBeat
        container[Columns.tempoConfidence] = analysis.tempo.confidence
        container[Columns.keyName] = analysis.key.name
        container[Columns.keyConfidence] = analysis.keyConfidence
        container[Columns.loudness] = analysis.loudness
        container[Columns.loudnessRange] = analysis.loudnessRange
        container[Columns.energy] = analysis.energy
        container[Columns.features] = FloatBlob.encode(analysis.features.values)
        container[Columns.tempoDrift] = analysis.tempo.drift
        container[Columns.tempoVariable] = analysis.tempo.isVariable
        container[Columns.tuningCents] = analysis.tuningCents
        container[Columns.featureVersion] = analysis.featureVersion
        container[Columns.chroma] = FloatBlob.encode(analysis.chroma.map { Float($0) })
        container[Columns.structure] = analysis.structure.flatMap(Self.encodeStructure)
    }

    /// The structure as the `structure` column stores it: JSON text.
    static func encodeStructure(_ structure: TrackStructure) -> String? {
        (try? JSONEncoder().encode(structure)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The structure from the `structure` column; `nil` for text that does not decode (the next
    /// scan analyses the track again, as for an old version).
    static func decodeStructure(_ text: String) -> TrackStructure? {
        try? JSONDecoder().decode(TrackStructure.self, from: Data(text.utf8))
    }
}

import DJModel

/// A track with everything its analysis says (`GET /tracks/{id}`).
public struct TrackDetail: Sendable, Codable, Hashable {
    /// The track as the set document shows it.
    public var track: DJSet.Entry
    /// Album, genre and comment tags.
    public var album: String, genre: String, comment: String
    /// Beat grid: tempo, first downbeat (seconds), confidence 0…1, drift in percent and whether
    /// the tempo varies.
    public var bpm: Double, firstBeat: Double, tempoConfidence: Double, tempoDriftPercent: Double, tempoVariable: Bool
    /// Key name, Camelot and Open Key codes, confidence 0…1 and tuning (cents from A440).
    public var key: String, camelot: String, openKey: String, keyConfidence: Double, tuningCents: Double
    /// Integrated loudness (LUFS), loudness range (LU) and energy 1–10.
    public var loudness: Double, loudnessRange: Double, energy: Int
    /// Whether any imported tracklist names the track (it has ALS factors then, after training).
    public var inTracklists: Bool
    /// Bars, phrases, sections and mix points; absent when the track is too short for them.
    public var structure: TrackStructure?
    /// Where a preview of the track starts, seconds: its first main part (the drop), else the
    /// end of its intro; a quarter in when it has no structure.
    public var previewStart: Double
    /// What streaming services say about the track (Spotify's tempo, key and energy from an
    /// imported playlist export), beside Segue's own analysis; empty when nothing was imported.
    public var services: [ServiceFeatures]
    /// What the DJ corrected by hand (``TrackOverrides``); the values above include them unless
    /// ``TrackOverrides/needsReview`` (the file changed since). Absent when nothing is overridden.
    public var overrides: TrackOverrides?
    /// The values the analysis measured, when overrides replace some of them.
    public var measured: MeasuredGrid?

    /// The tempo, grid and key the analysis measured, shown beside the DJ's overrides.
    public struct MeasuredGrid: Sendable, Codable, Hashable {
        /// Tempo, BPM; the first beat and first downbeat, seconds.
        public var bpm: Double, firstBeat: Double, downbeat: Double?
        /// Key name and Camelot code.
        public var key: String, camelot: String
    }

    /// The detail of an analysed track, or `nil` when it has no analysis.
    init?(_ track: Track, inTracklists: Bool, services: [ServiceFeatures] = [], measured: TrackAnalysis? = nil) {
        guard let entry = track.setEntry, let analysis = track.analysis else { return nil }
        self.track = entry
        (album, genre, comment) = (track.metadata.album, track.metadata.genre, track.metadata.comment)
        (bpm, firstBeat, tempoConfidence) = (analysis.tempo.bpm, analysis.tempo.firstBeat, analysis.tempo.confidence)
        (tempoDriftPercent, tempoVariable) = (analysis.tempo.drift, analysis.tempo.isVariable)
        (key, camelot, openKey) = (analysis.key.name, analysis.key.camelot, analysis.key.openKey)
        (keyConfidence, tuningCents) = (analysis.keyConfidence, analysis.tuningCents)
        (loudness, loudnessRange, energy) = (analysis.loudness, analysis.loudnessRange, analysis.energy)
        self.inTracklists = inTracklists
        self.services = services
        overrides = track.overrides
        self.measured = track.overrides == nil ? nil : measured.map {
            MeasuredGrid(bpm: $0.tempo.bpm, firstBeat: $0.tempo.firstBeat, downbeat: $0.structure?.downbeat, key: $0.key.name, camelot: $0.key.camelot)
        }
        structure = analysis.structure
        previewStart = analysis.structure?.previewStart(duration: analysis.duration) ?? (analysis.duration / 4).rounded()
    }
}

extension Segue {
    /// The detail of the analysed track `id`.
    /// - Throws: ``SegueError`` `.notFound` when there is no such analysed track.
    public func trackDetail(id: Int64) throws(SegueError) -> TrackDetail {
        guard let track = try libraryCall({ try library.track(id: TrackID(id)) }) else { throw SegueError(.notFound, "no track with id \(id)") }
        let inTracklists = try libraryCall { try library.isInTracklists(TrackID(id)) }
        let services = try libraryCall { try library.serviceFeatures(of: TrackID(id)) }
        let measured = track.overrides == nil ? nil : try libraryCall { try library.measuredAnalysis(of: TrackID(id)) }
        guard let detail = TrackDetail(track, inTracklists: inTracklists, services: services, measured: measured) else { throw SegueError(.notFound, "track \(id) is not analysed") }
        return detail
    }
}

/// What a DJ corrected by hand in one track's analysis: the tempo, the beat grid's phase, where
/// bar 1 is, the key. Every DJ program has these edits (×2, ÷2, grid shift, set the downbeat, key
/// override); Segue keeps them apart from the analysis, so that no rescan and no new analysis
/// version overwrites them, and applies them wherever the analysis is read (graph, planning,
/// rendering, every export).
///
/// Overrides belong to the audio they were made on: ``contentHash`` is the file's hash when they
/// were set. When the file's content changes, they are kept but no longer applied
/// (``needsReview``) until the DJ sets them again, so that a grid fitted to one recording never
/// lands on another.
public struct TrackOverrides: Hashable, Sendable, Codable {
    /// The tempo the DJ set, BPM.
    public var bpm: Double?
    /// Where the DJ put a beat of the grid, seconds from the start of the file.
    public var firstBeat: Double?
    /// Where the DJ says bar 1 starts (a downbeat), seconds from the start of the file.
    public var downbeat: Double?
    /// The key the DJ set.
    public var key: MusicalKey?
    /// The file's content hash when the overrides were set.
    public var contentHash: String
    /// Whether the file's content changed since (a new content hash): the overrides are then
    /// kept but not applied.
    public var needsReview: Bool

    /// Tempi a DJ can set, BPM (the range every DJ program's grid editor accepts and more).
    public static let bpmRange = 20.0...400.0

    /// Overrides of these fields for the audio of `contentHash`.
    public init(bpm: Double? = nil, firstBeat: Double? = nil, downbeat: Double? = nil, key: MusicalKey? = nil, contentHash: String = "",
                needsReview: Bool = false) {
        self.bpm = bpm
        self.firstBeat = firstBeat
        self.downbeat = downbeat
        self.key = key
        self.contentHash = contentHash
        self.needsReview = needsReview
    }

    /// Whether no field is overridden.
    public var isEmpty: Bool { bpm == nil && firstBeat == nil && downbeat == nil && key == nil }

    /// `analysis` with these overrides applied (unchanged when they need review).
    ///
    /// A DJ-set tempo or grid is trusted (confidence 1). Bar 1 pins the grid's phase too (a
    /// downbeat is a beat) unless a first beat is also given; a first beat alone keeps the bar
    /// the analysis found nearest to it. Phrase boundaries, sections and mix points move to the
    /// nearest bar line of the corrected grid, so every cue stays on a bar.
    public func applied(to analysis: TrackAnalysis) -> TrackAnalysis {
        guard !needsReview, !isEmpty else { return analysis }
        var result = analysis
        if let key { result.key = key; result.keyConfidence = 1 }
        guard bpm != nil || firstBeat != nil || downbeat != nil else { return result }
        let bpm = self.bpm ?? analysis.tempo.bpm
        let beat = 60 / bpm, bar = 4 * beat
        let oldDownbeat = analysis.structure?.downbeat ?? analysis.tempo.firstBeat
        let firstBeat = (self.firstBeat ?? downbeat ?? analysis.tempo.firstBeat).wrapped(into: beat)
        let downbeat: Double
        if let chosen = self.downbeat {
            downbeat = chosen.wrapped(into: bar)
        } else {
            // The beat of the new grid nearest the bar line the analysis found.
            let beats = ((oldDownbeat - firstBeat) / beat).rounded()
            downbeat = (firstBeat + beats * beat).wrapped(into: bar)
        }
        result.tempo = Tempo(bpm: bpm, firstBeat: firstBeat, confidence: 1, drift: analysis.tempo.drift)
        if var structure = analysis.structure {
            let snap = { (time: Double) in downbeat + ((time - downbeat) / bar).rounded() * bar }
            structure.downbeat = downbeat
            structure.phrases = structure.phrases.map(snap)
            structure.sections = structure.sections.map { section in
                var moved = section
                moved.start = max(0, snap(section.start))
                moved.end = section.end >= analysis.duration - 1e-6 ? section.end : snap(section.end)
                return moved
            }
            structure.mixIn = snap(structure.mixIn)
            structure.mixOut = snap(structure.mixOut)
            result.structure = structure
        }
        return result
    }
}

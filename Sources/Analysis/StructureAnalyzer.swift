import DJModel
import Foundation

/// Bars, phrases, sections and mix points of one track, from the frames the rhythm and tonal
/// passes kept (``SpectralSummary/structureFrames``, ``PitchClassAccumulator/pitchFrames``) and
/// the beat grid: beat-synchronous evidence gives the bar phase (``DownbeatEstimator``),
/// bar-synchronous features the phrase boundaries (``PhraseSegmenter``) and their labels
/// (``SectionLabeler``). O(frames) once the grid is known.
public struct StructureAnalyzer: Sendable {
    /// The bar phase.
    public var downbeats = DownbeatEstimator()
    /// The phrase boundaries.
    public var segmenter = PhraseSegmenter()
    /// The section labels.
    public var labeler = SectionLabeler()
    /// A beat quieter than this, in dB under the track's median beat, counts as silence.
    public var silenceDecibels = 35.0

    /// Creates an analyzer.
    public init() {}

    /// The structure of a track `duration` seconds long on the grid of `bpm` from `firstBeat`;
    /// `nil` when fewer than four bars fit. `gridIsOnTheBeat` keeps the bar step to the grid's
    /// own beats; false lets it move the grid half a beat too. Track analysis passes true: on
    /// recorded music the bar step's harmony put grids on the off-beat (chords change early, on
    /// anticipations), and the onsets decide beat or off-beat better (``BeatGridEstimator``).
    public func analyze(spectral: FrameSeries, pitch: FrameSeries, bpm: Double, firstBeat: Double, duration: Double,
                        gridIsOnTheBeat: Bool = false) -> TrackStructure? {
        guard bpm > 0, duration > 0 else { return nil }
        let period = 60 / bpm
        // Eighth-note level: the bar phase, which may also move the grid by half a beat.
        let eighthCount = Int(saturating: (duration - firstBeat - period) / (period / 2))
        guard eighthCount >= 32 else { return nil }
        let eighths = (0..<eighthCount).map { firstBeat + Double($0) * period / 2 }
        var harmonicChange = [Double](repeating: 0, count: eighthCount)
        var highRise = [Double](repeating: 0, count: eighthCount)
        var kick = [Double](repeating: 0, count: eighthCount)
        for (index, time) in eighths.enumerated() {
            let before = pitch.mean(from: time - period, to: time), after = pitch.mean(from: time, to: time + period)
            harmonicChange[index] = Self.change(Array(before[PitchColumns.pitchClasses]), Array(after[PitchColumns.pitchClasses]))
            let highBefore = Double(spectral.mean(from: time - period / 2, to: time)[StructureColumns.high])
            let highAfter = Double(spectral.mean(from: time, to: time + period / 2)[StructureColumns.high])
            highRise[index] = max(0, log10((highAfter + 1e-9) / (highBefore + 1e-9)))
            kick[index] = Double(spectral.mean(from: time - period / 8, to: time + period / 8)[StructureColumns.kick])
        }
        let (eighthPhase, confidence) = downbeats.phase(harmonicChange: harmonicChange, kick: kick, highRise: highRise, beatsOnly: gridIsOnTheBeat)
        let gridStart = firstBeat + Double(eighthPhase % 2) * period / 2
        let phase = eighthPhase / 2
        let beatCount = Int(saturating: (duration - gridStart) / period)
        guard beatCount >= 16 else { return nil }
        let beats = (0..<beatCount).map { gridStart + Double($0) * period }
        let beatKick = (0..<beatCount).map { kick[min(eighthCount - 1, 2 * $0 + eighthPhase % 2)] }

        // The music's span: from the first downbeat on or after the first sounding beat, to the
        // end of the last sounding beat's bar. A beat's level is read away from its edges, so that
        // a pickup's first hat, a few milliseconds early, does not make the beat before it sound
        // (on the tuning half, phrase hits 90.4 → 94.6 %).
        let levels = beats.map { beat in
            let inner = spectral.mean(from: beat + period / 8, to: beat + 7 * period / 8)
            return Self.decibels(inner[StructureColumns.low] + inner[StructureColumns.mid] + inner[StructureColumns.high])
        }
        let median = levels.sorted()[levels.count / 2]
        let sounding = levels.map { $0 > median - silenceDecibels }
        let firstSounding = sounding.firstIndex(of: true) ?? 0
        let lastSounding = sounding.lastIndex(of: true) ?? beatCount - 1
        let barCount = (beatCount - phase) / 4
        guard barCount >= 4 else { return nil }
        let barStart = { (bar: Int) in beats[phase] + Double(bar * 4) * period }
        let firstBar = (max(0, firstSounding - phase) + 3) / 4
        let endBar = min(barCount, (lastSounding - phase) / 4 + 1)
        guard endBar - firstBar >= 2 else { return nil }

        // Bar level: standardised features, novelty, boundaries.
        let barPitch = (0..<barCount).map { pitch.mean(from: barStart($0), to: barStart($0 + 1)) }
        let barSpectral = (0..<barCount).map { spectral.mean(from: barStart($0), to: barStart($0 + 1)) }
        let barKick = (0..<barCount).map { bar in (0..<4).map { beatKick[phase + 4 * bar + $0] }.reduce(0, +) / 4 }
        let rows = (0..<barCount).map { bar in Self.barFeatures(spectral: barSpectral[bar], pitch: barPitch[bar], kick: barKick[bar]) }
        let novelty = segmenter.novelty(bars: Self.weightedPitchClasses(Self.standardisedColumns(rows, over: firstBar..<endBar)))
        let lines = segmenter.boundaries(novelty: novelty, first: firstBar, end: endBar)

        // Sections.
        let edges = lines + [endBar]
        let parts = (0..<lines.count).map { index in
            let range = edges[index]..<edges[index + 1]
            let mean = { (value: (Int) -> Double) in range.map(value).reduce(0, +) / Double(range.count) }
            return SectionLabeler.Part(bars: range.count, kick: mean { barKick[$0] },
                                       midLevel: mean { Self.decibels(barSpectral[$0][StructureColumns.mid]) },
                                       harmony: mean { Double(barPitch[$0][PitchColumns.harmony]) })
        }
        let labels = labeler.labels(parts)
        // Consecutive parts with one label are one section (an intro in two halves, a long main
        // whose phrases change); the phrases keep every boundary.
        var sections: [TrackSection] = []
        for index in labels.indices {
            let end = min(duration, barStart(edges[index + 1]))
            if let last = sections.last, last.label == labels[index] {
                sections[sections.count - 1].end = end
            } else {
                sections.append(TrackSection(label: labels[index], start: barStart(edges[index]), end: end))
            }
        }
        let phrases = lines.map(barStart)
        let mixIn = sections.first { $0.label != .intro }?.start ?? (phrases.count > 1 ? phrases[1] : sections.last?.end ?? duration)
        let musicEnd = sections.last?.end ?? duration, musicStart = phrases.first ?? beats[phase]
        // An outro is where a track ends: one that would leave more than the last third of the
        // music and more than ``longestOutroBars`` to blend over (a long piece whose only drop
        // comes early) is not where a DJ leaves it, and the late mix-out is.
        let outro = sections.first { $0.label == .outro }.map(\.start).flatMap { start in
            musicEnd - start <= max(Double(Self.longestOutroBars) * 4 * period, (musicEnd - musicStart) / 3) ? start : nil
        }
        let mixOut = outro
            ?? Self.lateMixOut(musicStart: musicStart, end: musicEnd, bar: 4 * period)
            ?? (phrases.count > 1 ? phrases[phrases.count - 1] : sections.first?.start ?? 0)
        return TrackStructure(downbeat: beats[phase], barConfidence: confidence, phrases: phrases, sections: sections,
                              mixIn: mixIn, mixOut: mixOut, overview: Self.overview(spectral, duration: duration))
    }

    /// Where a track that never thins out (no outro) is mixed out: the last 8-bar phrase line
    /// from the start of its music that leaves ``lateMixOutBars`` bars to blend over before its
    /// end — late, on the phrase grid, not at a phrase boundary halfway through. `nil` when the
    /// track is too short for one.
    static func lateMixOut(musicStart: Double, end: Double, bar: Double) -> Double? {
        let room = end - Double(lateMixOutBars) * bar - musicStart
        guard bar > 0, room >= 8 * bar else { return nil }
        return musicStart + (room / (8 * bar)).rounded(.down) * 8 * bar
    }

    /// Bars a late mix-out leaves before the end of a track without an outro.
    static let lateMixOutBars = 16
    /// The longest outro taken as the mix-out wherever it starts (longer ones must lie in the
    /// last third of the music).
    static let longestOutroBars = 32

    /// One bar's features for the novelty: log power per band, log onset flux, the coarse log-mel
    /// spectrum, the kick, and bass and harmony strength, then its pitch classes (normalised, so
    /// a change of chord counts as much as a change of level).
    static func barFeatures(spectral: [Float], pitch: [Float], kick: Double) -> [Double] {
        var row = [StructureColumns.low, StructureColumns.mid, StructureColumns.high].map { decibels(spectral[$0]) / 10 }
        row.append(log10(Double(spectral[StructureColumns.flux]) + 1e-3))
        row.append(contentsOf: spectral[StructureColumns.timbre..<StructureColumns.width].map(Double.init))
        row.append(log10(kick + 1e-6))
        row.append(Double(pitch[PitchColumns.bass]))
        row.append(Double(pitch[PitchColumns.harmony]))
        let classes = pitch[PitchColumns.pitchClasses].map(Double.init)
        let norm = classes.map { $0 * $0 }.reduce(0, +).squareRoot()
        row.append(contentsOf: classes.map { norm > 1e-9 ? $0 / norm : 0 })
        return row
    }

    /// Standardised bar features with the twelve pitch-class columns weighed down to count as
    /// ``pitchClassWeight`` columns together, so that a change of chords does not outweigh a
    /// change of the level, the drums and the timbre together.
    static func weightedPitchClasses(_ rows: [[Double]]) -> [[Double]] {
        let scale = (pitchClassWeight / 12).squareRoot()
        return rows.map { row in
            var weighted = row
            for column in (row.count - 12)..<row.count { weighted[column] *= scale }
            return weighted
        }
    }

    /// How many feature columns the twelve pitch classes count as in the novelty.
    static let pitchClassWeight = 3.0

    /// Each column shifted and scaled to mean 0 and spread 1 over the rows in `span` (columns that
    /// do not vary become 0).
    static func standardisedColumns(_ rows: [[Double]], over span: Range<Int>) -> [[Double]] {
        guard let width = rows.first?.count, !span.isEmpty else { return rows }
        var result = rows
        for column in 0..<width {
            let values = span.map { rows[$0][column] }
            let mean = values.reduce(0, +) / Double(values.count)
            let spread = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
            for row in rows.indices { result[row][column] = spread > 1e-9 ? (rows[row][column] - mean) / spread : 0 }
        }
        return result
    }

    /// 1 − the cosine of two pitch-class profiles, scaled by how tonal the weaker one is (a change
    /// into or out of a drum-only beat says nothing of the harmony).
    static func change(_ a: [Float], _ b: [Float]) -> Double {
        var dot = 0.0, normA = 0.0, normB = 0.0
        for index in a.indices {
            dot += Double(a[index]) * Double(b[index])
            normA += Double(a[index]) * Double(a[index])
            normB += Double(b[index]) * Double(b[index])
        }
        guard normA > 1e-12, normB > 1e-12 else { return 0 }
        let cosine = dot / (normA * normB).squareRoot()
        return (1 - cosine) * min(normA, normB).squareRoot() / max(normA, normB).squareRoot()
    }

    static func decibels(_ power: Float) -> Double { 10 * log10(Double(power) + 1e-12) }

    /// The loudness overview: the amplitude (square root of the power of all bands) in
    /// ``TrackStructure/overviewPoints`` equal slices of the track, as a percentage of the
    /// loudest slice's, so 6 dB quieter draws half as high, as DJ software's overviews do.
    static func overview(_ spectral: FrameSeries, duration: Double) -> [Int] {
        let points = TrackStructure.overviewPoints
        let slice = duration / Double(points)
        let amplitudes = (0..<points).map { index -> Double in
            let mean = spectral.mean(from: Double(index) * slice, to: Double(index + 1) * slice)
            return Double(mean[StructureColumns.low] + mean[StructureColumns.mid] + mean[StructureColumns.high]).squareRoot()
        }
        let loudest = amplitudes.max() ?? 0
        guard loudest > 0 else { return [Int](repeating: 0, count: points) }
        return amplitudes.map { Int(saturating: (100 * $0 / loudest).rounded()) }
    }
}

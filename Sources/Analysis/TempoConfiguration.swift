import DJModel

/// Parameters of ``TempoEstimator``.
public struct TempoConfiguration: Sendable, Hashable {
    /// Lowest tempo reported, BPM (default 75; 30…150). DJ tools count in 75–200: a house track
    /// whose half tempo (62.5) looks periodic is reported at 125.
    public let minimumBPM: Double
    /// Highest tempo reported, BPM (default 200; 50…300, at least `minimumBPM`·1.95, so that the
    /// range holds an octave: DJ software offers 88–175 and the like).
    public let maximumBPM: Double
    /// Centre of the log-normal DJ tempo prior, BPM (default 128).
    public let priorCenterBPM: Double
    /// Width of the prior in octaves (default 0.75; 0.1…4).
    public let priorWidthOctaves: Double
    /// Expected detected onsets per beat, the centre of the onset-density prior (default 1.7; 0.5…8).
    public let onsetsPerBeat: Double
    /// Width of the onset-density prior in octaves (default 0.9; 0.1…4).
    public let onsetDensityWidthOctaves: Double
    /// Weight of the half-beat autocorrelation in a candidate's salience (default 0.3; 0…2): the
    /// eighth-note pulse of the true tempo, which a 3:2 candidate lacks. Measured on the
    /// benchmark corpus: 0 → 233/240 within 4 % (five 3:2 errors), 0.15–0.8 → 236/240.
    public let subdivisionWeight: Double
    /// Weight of the backbeat score in the octave decision (default 3; 0 turns it off; 0…10): see
    /// ``TempoEstimator`` and ``BackbeatEvidence``. Chosen on the tuning set of the General MIDI
    /// corpus (1 320 dance clips): tempo Acc1 99.4 % at 2.5, 99.5 % at 3 and 4, 99.3 % at 5; 3 is
    /// the first of the plateau. (Before the odd-beat contrast, with the body band read, 45 clips
    /// per style: 88.6 % at 0, drum & bass 13 of 45, the rest at half tempo; hip-hop with trap
    /// hats 38 of 45, the rest at double.)
    public let backbeatWeight: Double
    /// Whether the backbeat is read with the kick taken out (default true; see
    /// ``BackbeatEvidence``): false reads every band as heard only. On the 895-clip tuning set
    /// (before the mixed clips) reading the kick out as well as the bands as heard took tempo Acc1
    /// from 98.9 % to 99.5 %.
    public let backbeatWithoutKick: Bool
    /// Weight of the kick's bar in the octave decision (default 0.6; 0 turns it off; 0…10): see
    /// ``BackbeatEvidence/kickBar(bpm:)``. Chosen on the tuning set of the General MIDI corpus with
    /// a third batch of 320 mixed clips (1 640 dance clips), backbeat weight 3: octave errors 5 at
    /// 0 (two downtempo clips with a quiet side stick and eighth-note shakers read at double), 2
    /// at 0.5 and 0.75, 3 at 1, 2 from 1.75 to 3 (downtempo at double again), 3 at 4.
    public let kickBarWeight: Double

    /// Checks and stores the parameters.
    public init(minimumBPM: Double = 75, maximumBPM: Double = 200, priorCenterBPM: Double = 128,
                priorWidthOctaves: Double = 0.75, onsetsPerBeat: Double = 1.7, onsetDensityWidthOctaves: Double = 0.9,
                subdivisionWeight: Double = 0.3, backbeatWeight: Double = 3, backbeatWithoutKick: Bool = true,
                kickBarWeight: Double = 0.6) throws(AnalysisError) {
        guard (30...150).contains(minimumBPM), (50...300).contains(maximumBPM), maximumBPM >= 1.95 * minimumBPM else {
            throw .invalidParameter(InvalidParameter("tempo range", "\(minimumBPM)…\(maximumBPM) BPM must span an octave (the highest at least 1.95 × the lowest) within 30…300"))
        }
        guard (minimumBPM...maximumBPM).contains(priorCenterBPM), (0.1...4).contains(priorWidthOctaves) else {
            throw .invalidParameter(InvalidParameter("tempo prior", "must be centred inside the range with a width of 0.1…4 octaves"))
        }
        self.minimumBPM = minimumBPM
        self.maximumBPM = maximumBPM
        self.priorCenterBPM = priorCenterBPM
        self.priorWidthOctaves = priorWidthOctaves
        guard (0.5...8).contains(onsetsPerBeat), (0.1...4).contains(onsetDensityWidthOctaves) else {
            throw .invalidParameter(InvalidParameter("onset-density prior", "must be centred in 0.5…8 onsets per beat with a width of 0.1…4 octaves"))
        }
        self.onsetsPerBeat = onsetsPerBeat
        guard (0...2).contains(subdivisionWeight) else { throw .invalidParameter(InvalidParameter("subdivision weight", "must be 0…2, got \(subdivisionWeight)")) }
        self.subdivisionWeight = subdivisionWeight
        guard (0...10).contains(backbeatWeight) else { throw .invalidParameter(InvalidParameter("backbeat weight", "must be 0…10, got \(backbeatWeight)")) }
        self.backbeatWeight = backbeatWeight
        self.backbeatWithoutKick = backbeatWithoutKick
        guard (0...10).contains(kickBarWeight) else { throw .invalidParameter(InvalidParameter("kick bar weight", "must be 0…10, got \(kickBarWeight)")) }
        self.kickBarWeight = kickBarWeight
        self.onsetDensityWidthOctaves = onsetDensityWidthOctaves
    }

    /// The defaults.
    public static let standard = try! TempoConfiguration()

    /// The defaults with tempi reported only within `range` (a DJ's per-scan fallback, e.g.
    /// 88…175 for a drum & bass crate or 70…140 for hip-hop): the prior's centre moves into the
    /// range when 128 lies outside it.
    /// - Throws: ``AnalysisError/invalidParameter(_:)`` when the range does not hold an octave.
    public static func within(_ range: ClosedRange<Double>) throws(AnalysisError) -> TempoConfiguration {
        try TempoConfiguration(minimumBPM: range.lowerBound, maximumBPM: range.upperBound,
                               priorCenterBPM: min(max(standard.priorCenterBPM, range.lowerBound), range.upperBound))
    }
}

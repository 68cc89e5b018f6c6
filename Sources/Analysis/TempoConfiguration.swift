/// Parameters of ``TempoEstimator``.
public struct TempoConfiguration: Sendable, Hashable {
    /// Lowest tempo reported, BPM (default 75; 30…150). DJ tools count in 75–200: a house track
    /// whose half tempo (62.5) looks periodic is reported at 125.
    public let minimumBPM: Double
    /// Highest tempo reported, BPM (default 200; 90…300, above `minimumBPM`·2).
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

    /// Checks and stores the parameters.
    public init(minimumBPM: Double = 75, maximumBPM: Double = 200, priorCenterBPM: Double = 128,
                priorWidthOctaves: Double = 0.75, onsetsPerBeat: Double = 1.7, onsetDensityWidthOctaves: Double = 0.9,
                subdivisionWeight: Double = 0.3) throws(AnalysisError) {
        guard (30...150).contains(minimumBPM), (90...300).contains(maximumBPM), maximumBPM >= 2 * minimumBPM else {
            throw .invalidParameter("tempo range \(minimumBPM)…\(maximumBPM) BPM must span an octave within 30…300")
        }
        guard (minimumBPM...maximumBPM).contains(priorCenterBPM), (0.1...4).contains(priorWidthOctaves) else {
            throw .invalidParameter("tempo prior must be centred inside the range with a width of 0.1…4 octaves")
        }
        self.minimumBPM = minimumBPM
        self.maximumBPM = maximumBPM
        self.priorCenterBPM = priorCenterBPM
        self.priorWidthOctaves = priorWidthOctaves
        guard (0.5...8).contains(onsetsPerBeat), (0.1...4).contains(onsetDensityWidthOctaves) else {
            throw .invalidParameter("onset-density prior must be centred in 0.5…8 onsets per beat with a width of 0.1…4 octaves")
        }
        self.onsetsPerBeat = onsetsPerBeat
        guard (0...2).contains(subdivisionWeight) else { throw .invalidParameter("subdivision weight must be 0…2, got \(subdivisionWeight)") }
        self.subdivisionWeight = subdivisionWeight
        self.onsetDensityWidthOctaves = onsetDensityWidthOctaves
    }

    /// The defaults.
    public static let standard = try! TempoConfiguration()
}

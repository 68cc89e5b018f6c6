/// A constant tempo and its beat grid, as DJ software stores it, with a measure of how far the
/// real tempo wanders from it.
public struct Tempo: Hashable, Sendable, Codable {
    /// Drift (in percent of the BPM) above which a track counts as having a variable tempo: a
    /// constant grid then slips by more than a beat within about a minute.
    public static let variableDriftPercent = 1.5

    /// Beats per minute, to 0.01.
    public var bpm: Double
    /// Time of the first downbeat-aligned beat in seconds from the start of the file.
    public var firstBeat: Double
    /// Confidence in the estimate, 0 (a guess) to 1 (unambiguous).
    public var confidence: Double
    /// Spread of the local tempo over the track (10th to 90th percentile of 16-second windows),
    /// in percent of ``bpm``; about 0.1 for a programmed track.
    public var drift: Double
    /// Whether the tempo drifts or changes (``drift`` above ``variableDriftPercent``): a
    /// constant beat grid will not hold for the whole track.
    public var isVariable: Bool

    /// Creates a tempo.
    public init(bpm: Double, firstBeat: Double = 0, confidence: Double = 1, drift: Double = 0) {
        self.bpm = bpm
        self.firstBeat = firstBeat
        self.confidence = confidence
        self.drift = drift
        self.isVariable = drift > Self.variableDriftPercent
    }

    /// Seconds per beat.
    public var beatPeriod: Double { 60 / bpm }
}

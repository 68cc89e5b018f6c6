/// A constant tempo and its beat grid, as DJ software stores it.
public struct Tempo: Hashable, Sendable, Codable {
    /// Beats per minute.
    public var bpm: Double
    /// Time of the first downbeat-aligned beat in seconds from the start of the file.
    public var firstBeat: Double
    /// Confidence in the estimate, 0 (a guess) to 1 (unambiguous).
    public var confidence: Double

    /// Creates a tempo.
    public init(bpm: Double, firstBeat: Double = 0, confidence: Double = 1) {
        self.bpm = bpm
        self.firstBeat = firstBeat
        self.confidence = confidence
    }

    /// Seconds per beat.
    public var beatPeriod: Double { 60 / bpm }
}

import Foundation

/// Weights of the transition score and the tolerances of its parts.
///
/// score = Σ w_c · s_c / Σ w_c over the components c available for the pair (ALS is left out,
/// and the other weights renormalised, when either track is in no tracklist: cold start).
/// Defaults: ALS 0.25, content 0.20, BPM 0.30, key 0.30, energy 0.05; pitch range ±8 %. Chosen
/// by measurement (`Benchmarks/plan/tune_weights.sh`): of the 16 combinations of ALS {0.25,
/// 0.35} × content {0.2, 0.3} × BPM {0.2, 0.3} × key {0.15, 0.3}, this one has the best mean
/// `bench-quality` sum over the 10k synthetic catalogue and the demo library (5.251; the earlier
/// BPM 0.20 had 5.246, the worst 5.214). Key keeps a high weight: with 0.15 the demo's harmonic
/// share fell from 82 % to 58–72 %.
public struct TransitionWeights: Sendable, Hashable, Codable {
    /// Weight of ALS co-occurrence similarity (≥ 0).
    public var als: Double
    /// Weight of content (timbre) similarity (≥ 0).
    public var content: Double
    /// Weight of tempo compatibility (≥ 0).
    public var bpm: Double
    /// Weight of key compatibility (≥ 0).
    public var key: Double
    /// Weight of energy-step compatibility (≥ 0).
    public var energy: Double
    /// Largest tempo change a DJ bridges with the pitch fader, in percent (1…50; default 8).
    public var pitchRangePercent: Double
    /// Score multiplier for a half/double-time transition (0…1; default 0.8).
    public var halfDoubleTimeFactor: Double

    /// Checks and stores weights.
    public init(als: Double = 0.25, content: Double = 0.20, bpm: Double = 0.30, key: Double = 0.30, energy: Double = 0.05,
                pitchRangePercent: Double = 8, halfDoubleTimeFactor: Double = 0.8) throws(SetGraphError) {
        guard [als, content, bpm, key, energy].allSatisfy({ $0 >= 0 && $0.isFinite }), als + content + bpm + key + energy > 0 else {
            throw .invalidParameter("weights must be non-negative and not all zero")
        }
        guard (1...50).contains(pitchRangePercent) else { throw .invalidParameter("pitch range must be 1…50 %, got \(pitchRangePercent)") }
        guard (0...1).contains(halfDoubleTimeFactor) else { throw .invalidParameter("half/double-time factor must be 0…1") }
        self.als = als
        self.content = content
        self.bpm = bpm
        self.key = key
        self.energy = energy
        self.pitchRangePercent = pitchRangePercent
        self.halfDoubleTimeFactor = halfDoubleTimeFactor
    }

    /// The defaults.
    public static let standard = try! TransitionWeights()

    /// Parses `als=0.25,content=0.2,bpm=0.2,key=0.3,energy=0.05` (any subset; the rest keep
    /// their defaults; `pitch-range` and `half-double` too).
    public init(parsing text: String) throws(SetGraphError) {
        var values: [String: Double] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let value = Double(parts[1]),
                  ["als", "content", "bpm", "key", "energy", "pitch-range", "half-double"].contains(parts[0]) else {
                throw .invalidParameter("weights are name=value pairs of als, content, bpm, key, energy, pitch-range, half-double; got '\(pair)'")
            }
            values[parts[0]] = value
        }
        let d = Self.standard
        try self.init(als: values["als"] ?? d.als, content: values["content"] ?? d.content, bpm: values["bpm"] ?? d.bpm,
                      key: values["key"] ?? d.key, energy: values["energy"] ?? d.energy,
                      pitchRangePercent: values["pitch-range"] ?? d.pitchRangePercent,
                      halfDoubleTimeFactor: values["half-double"] ?? d.halfDoubleTimeFactor)
    }
}

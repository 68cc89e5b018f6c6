import DJModel
import Foundation

/// Weights of the transition score and the tolerances of its parts.
///
/// score = Σ w_c · s_c / Σ w_c over the five components. When either track is in no tracklist
/// (cold start), its ALS part is unknown and scores ``coldALS`` (default 0.5, the similarity of
/// unrelated tracks), with the same weight: the pair competes on content, tempo, key and energy.
/// (Leaving ALS out and renormalising, as Segue did first, ranked a cold pair by its content
/// similarity alone; content vectors predicted from audio lie closer together than true ALS
/// factors, so planners preferred tracks no DJ had played: on the 10k catalogue the mean
/// similarity of Segue's sets rose from 0.750 to 0.921 with the neutral prior.)
/// Defaults: ALS 0.25, content 0.20, BPM 0.50, key 0.50, energy 0.05; pitch range ±8 %. Chosen
/// by measurement (`Benchmarks/plan/tune_weights.sh` and `tune_weights_pick.py`): over BPM
/// {0.3, 0.5, 0.8} × key {0.3, 0.5, 0.6} × energy-arc weight {0.2, 0.3}, on the 10k synthetic
/// catalogue and the demo library (40 seeds each, 60-minute rising sets), the best mean
/// `bench-quality` sum (5.357) among the combinations with which Segue's sets are at least as good
/// as the greedy chain's on every measure in both libraries (4 of 18). Key keeps a high weight:
/// with 0.15 the demo's harmonic share fell from 82 % to 58–72 %.
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
    /// The ALS score assumed for a pair where either track has no ALS factors (0…1; default 0.5).
    public var coldALS: Double

    /// Checks and stores weights.
    public init(als: Double = 0.25, content: Double = 0.20, bpm: Double = 0.50, key: Double = 0.50, energy: Double = 0.05,
                pitchRangePercent: Double = 8, halfDoubleTimeFactor: Double = 0.8, coldALS: Double = 0.5) throws(SetGraphError) {
        guard [als, content, bpm, key, energy].allSatisfy({ $0 >= 0 && $0.isFinite }), als + content + bpm + key + energy > 0 else {
            throw .invalidParameter(InvalidParameter("weights", "must be non-negative and not all zero"))
        }
        guard (1...50).contains(pitchRangePercent) else { throw .invalidParameter(InvalidParameter("pitch range", "must be 1…50 %, got \(pitchRangePercent)")) }
        guard (0...1).contains(halfDoubleTimeFactor) else { throw .invalidParameter(InvalidParameter("half/double-time factor", "must be 0…1")) }
        guard (0...1).contains(coldALS) else { throw .invalidParameter(InvalidParameter("cold-start ALS score", "must be 0…1")) }
        self.coldALS = coldALS
        self.als = als
        self.content = content
        self.bpm = bpm
        self.key = key
        self.energy = energy
        self.pitchRangePercent = pitchRangePercent
        self.halfDoubleTimeFactor = halfDoubleTimeFactor
    }

    private enum CodingKeys: String, CodingKey {
        case als, content, bpm, key, energy, pitchRangePercent, halfDoubleTimeFactor, coldALS
    }

    /// Decodes stored weights, checking them; weights stored before `coldALS` existed get its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(als: container.decode(Double.self, forKey: .als), content: container.decode(Double.self, forKey: .content),
                      bpm: container.decode(Double.self, forKey: .bpm), key: container.decode(Double.self, forKey: .key),
                      energy: container.decode(Double.self, forKey: .energy),
                      pitchRangePercent: container.decode(Double.self, forKey: .pitchRangePercent),
                      halfDoubleTimeFactor: container.decode(Double.self, forKey: .halfDoubleTimeFactor),
                      coldALS: container.decodeIfPresent(Double.self, forKey: .coldALS) ?? 0.5)
    }

    /// The defaults.
    public static let standard = try! TransitionWeights()

    /// Parses `als=0.25,content=0.2,bpm=0.2,key=0.3,energy=0.05` (any subset; the rest keep
    /// their defaults; `pitch-range`, `half-double` and `cold-als` too).
    public init(parsing text: String) throws(SetGraphError) {
        var values: [String: Double] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let value = Double(parts[1]),
                  ["als", "content", "bpm", "key", "energy", "pitch-range", "half-double", "cold-als"].contains(parts[0]) else {
                throw .invalidParameter(InvalidParameter("weights", "are name=value pairs of als, content, bpm, key, energy, pitch-range, half-double, cold-als; got '\(pair)'"))
            }
            values[parts[0]] = value
        }
        let d = Self.standard
        try self.init(als: values["als"] ?? d.als, content: values["content"] ?? d.content, bpm: values["bpm"] ?? d.bpm,
                      key: values["key"] ?? d.key, energy: values["energy"] ?? d.energy,
                      pitchRangePercent: values["pitch-range"] ?? d.pitchRangePercent,
                      halfDoubleTimeFactor: values["half-double"] ?? d.halfDoubleTimeFactor, coldALS: values["cold-als"] ?? d.coldALS)
    }
}

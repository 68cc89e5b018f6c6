import DJModel
import Foundation

/// Which key moves a set may make between consecutive tracks (Camelot wheel).
public enum KeyMoveRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// Any move (the key only weighs in the transition score).
    case any
    /// Same key, ±1 on the wheel, or the relative major/minor (8A → 8A, 7A, 9A, 8B).
    case strict
    /// Mixxx-style six compatible keys: strict plus the diagonal moves (8A → 7B, 9B).
    case mixxx
    /// Strict plus the energy boosts DJs use: +2 on the wheel (two semitones up… a whole-tone
    /// lift) and +7 (one semitone up).
    case energyBoost = "energy-boost"

    /// Whether playing a track in `to` after one in `from` is allowed.
    public func allows(from: MusicalKey, to: MusicalKey) -> Bool {
        let forward = ((to.camelotNumber - from.camelotNumber) % 12 + 12) % 12
        let sameLetter = from.mode == to.mode
        let strict = (forward == 0) || (sameLetter && (forward == 1 || forward == 11))
        switch self {
        case .any: return true
        case .strict: return strict
        case .mixxx: return strict || (!sameLetter && (forward == 1 || forward == 11))
        case .energyBoost: return strict || (sameLetter && (forward == 2 || forward == 7))
        }
    }

    /// The key heard when a track in `key` at `trackBPM` is played at `playedBPM` without key lock:
    /// the pitch moves by 12·log₂(played ÷ track) semitones, rounded (±6 % ≈ one semitone).
    /// Half/double-time mixes play the track at its own tempo, so only straight changes count.
    public static func heardKey(_ key: MusicalKey, trackBPM: Double, playedBPM: Double) -> MusicalKey {
        guard trackBPM > 0, playedBPM > 0 else { return key }
        let change = CompatibilityRules.tempoChange(from: trackBPM, to: playedBPM)
        guard !change.halfOrDouble else { return key }
        let semitones = Int(saturating: (12 * log2(1 + change.percent / 100)).rounded())
        return semitones == 0 ? key : key.transposed(by: semitones)
    }
}

import DJModel
import Foundation

/// Tempo, key and energy compatibility of a transition, each 0…1.
public enum CompatibilityRules {
    /// The tempo change from `from` to `to` in percent, taking the nearest of straight, half and
    /// double time; `halfOrDouble` tells whether a half/double relation was used.
    public static func tempoChange(from: Double, to: Double) -> (percent: Double, halfOrDouble: Bool) {
        let change = TempoChange(from: from, to: to)
        return (change.percent, change.halfOrDouble)
    }

    /// 1 for equal tempi, falling linearly to 0 at `pitchRange` percent; half/double time is
    /// multiplied by `halfDoubleFactor`.
    public static func tempo(from: Double, to: Double, pitchRange: Double, halfDoubleFactor: Double) -> Double {
        let change = tempoChange(from: from, to: to)
        let score = max(0, 1 - abs(change.percent) / pitchRange)
        return change.halfOrDouble ? score * halfDoubleFactor : score
    }

    /// Camelot compatibility: same key 1; ±1 on the wheel 0.9; relative major/minor 0.85;
    /// ±1 and a letter change 0.6; ±2 (energy boost) 0.5; ±7 (+1 semitone) 0.4; beyond, graded
    /// down to 0 at the opposite side of the wheel.
    public static func key(from: MusicalKey, to: MusicalKey) -> Double {
        let distance = from.camelotDistance(to: to)
        let sameLetter = from.mode == to.mode
        let forward = ((to.camelotNumber - from.camelotNumber) % 12 + 12) % 12
        switch (distance, sameLetter) {
        case (0, true): return 1
        case (0, false): return 0.85
        case (1, true): return 0.9
        case (1, false): return 0.6
        case (2, true): return 0.5
        default:
            if sameLetter && (forward == 7 || forward == 5) { return 0.4 }
            return max(0, 0.35 - 0.07 * Double(distance - 2) - (sameLetter ? 0 : 0.05))
        }
    }

    /// Whether a key move counts as harmonic (same, ±1, relative).
    public static func isHarmonic(from: MusicalKey, to: MusicalKey) -> Bool { from.mixesHarmonically(into: to) }

    /// 1 for an energy step of at most 1, falling by 0.25 per further step.
    public static func energy(from: Int, to: Int) -> Double {
        max(0, 1 - Double(max(0, abs(to - from) - 1)) * 0.25)
    }
}

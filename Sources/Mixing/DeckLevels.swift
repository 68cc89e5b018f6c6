import Foundation

/// How loud a deck is at one moment of a transition and whether its bass is cut, by technique
/// (beats `x` into the overlap):
///
/// - bass swap at beat `s`: the incoming deck fades in (equal power) up to `s` with its bass cut,
///   then the bass changes deck at once and the outgoing deck fades out (equal power) to the end;
/// - blend: equal-power crossfade over the whole overlap, the bass changing deck in the middle;
/// - echo-out: the outgoing deck fades out over its first beat into an echo, which rings out over
///   the rest; the incoming deck plays at full level from the start;
/// - cut: the incoming deck starts as the outgoing stops.
public struct DeckLevels: Hashable, Sendable {
    /// Linear gain, 0…1.
    public var gain: Double
    /// Whether the deck's bass is cut (a low-cut on the mixer channel).
    public var bassCut: Bool
    /// How much of the deck is sent into the echo, 0…1 (echo-out only).
    public var echoSend: Double

    /// Full level, bass in, no echo.
    public static let full = DeckLevels(gain: 1, bassCut: false, echoSend: 0)

    /// The outgoing deck's levels at beat `x` of `overlap`.
    public static func outgoing(atBeat x: Double, in overlap: MixPlan.Overlap) -> DeckLevels {
        let beats = overlap.ramp.beats, swap = overlap.bassSwapBeat
        switch overlap.technique {
        case .bassSwap:
            guard x >= swap else { return .full }
            return DeckLevels(gain: cos(.pi / 2 * min(1, (x - swap) / max(1e-9, beats - swap))), bassCut: true, echoSend: 0)
        case .blend:
            return DeckLevels(gain: cos(.pi / 2 * min(1, max(0, x / max(1e-9, beats)))), bassCut: x >= swap, echoSend: 0)
        case .echoOut:
            let dry = max(0, 1 - x)
            return DeckLevels(gain: dry, bassCut: false, echoSend: x < 1 ? 1 : 0)
        case .cut:
            return DeckLevels(gain: x < 0 ? 1 : 0, bassCut: false, echoSend: 0)
        }
    }

    /// The incoming deck's levels at beat `x` of `overlap`.
    public static func incoming(atBeat x: Double, in overlap: MixPlan.Overlap) -> DeckLevels {
        let beats = overlap.ramp.beats, swap = overlap.bassSwapBeat
        switch overlap.technique {
        case .bassSwap:
            guard x < swap else { return .full }
            return DeckLevels(gain: sin(.pi / 2 * max(0, x / max(1e-9, swap))), bassCut: true, echoSend: 0)
        case .blend:
            return DeckLevels(gain: sin(.pi / 2 * min(1, max(0, x / max(1e-9, beats)))), bassCut: x < swap, echoSend: 0)
        case .echoOut, .cut:
            return .full
        }
    }

    /// The echo's return level at beat `x` of an echo-out: full, then faded out over the last
    /// two beats.
    public static func echoReturn(atBeat x: Double, in overlap: MixPlan.Overlap) -> Double {
        let beats = overlap.ramp.beats
        return min(1, max(0, (beats - x) / 2))
    }
}

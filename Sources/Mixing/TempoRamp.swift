import Foundation

/// The tempo through an overlap: from `from` to `to` BPM, linear in beats over `beats` beats.
/// Both decks follow it, so a beat of one lands on a beat of the other all the way through.
public struct TempoRamp: Hashable, Sendable {
    /// Tempo at the first beat, BPM.
    public var from: Double
    /// Tempo at the last beat, BPM.
    public var to: Double
    /// Length in beats.
    public var beats: Double

    /// Creates a ramp (tempi must be positive).
    public init(from: Double, to: Double, beats: Double) {
        self.from = from
        self.to = to
        self.beats = beats
    }

    /// Whether the tempo stays put (within 0.001 BPM).
    public var isConstant: Bool { abs(to - from) < 0.001 }

    /// Seconds from the ramp's start to beat position `beat` (0…``beats``): the integral of
    /// 60 / tempo over the beats.
    public func seconds(atBeat beat: Double) -> Double {
        if isConstant || beats <= 0 { return beat * 60 / from }
        let slope = (to - from) / beats
        return 60 / slope * log(1 + slope * beat / from)
    }

    /// The beat position reached `seconds` after the ramp's start (inverse of ``seconds(atBeat:)``).
    public func beat(atSeconds seconds: Double) -> Double {
        if isConstant || beats <= 0 { return seconds * from / 60 }
        let slope = (to - from) / beats
        return from / slope * (exp(slope * seconds / 60) - 1)
    }

    /// The ramp's length in seconds.
    public var duration: Double { seconds(atBeat: beats) }
}

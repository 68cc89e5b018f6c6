/// A deterministic random generator (SplitMix64): the same seed gives the same synthesised track,
/// data split or network initialisation on every machine.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `count` floats uniform in 0 ..< `bound` (24 random bits each).
    public mutating func uniformFloats(count: Int, below bound: Float) -> [Float] {
        (0..<count).map { _ in Float(next() >> 40) / Float(1 << 24) * bound }
    }

    /// A uniform float in −1…1 (white noise).
    public mutating func noise() -> Float { Float(Int32(truncatingIfNeeded: next() >> 32)) / Float(Int32.max) }
}

import DJModel

/// Seeded draws for splits and initialisation, on top of ``SeededGenerator``.
struct SeededRandom {
    private var generator: SeededGenerator

    /// Draws from `seed`.
    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    /// A uniform float in −scale…scale.
    mutating func uniform(_ scale: Float) -> Float { Float.random(in: -scale...scale, using: &generator) }

    /// `values` in a random order.
    mutating func shuffled<T>(_ values: [T]) -> [T] { values.shuffled(using: &generator) }
}

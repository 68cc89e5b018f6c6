import Recommender

/// Options of `segue train`.
public struct TrainingOptions: Sendable, Hashable {
    /// ALS hyper-parameters. Defaults for tracklists: 32 factors, λ = 0.1, α = 10 (an observed
    /// play then weighs ten times an unobserved cell), 15 iterations, all cores.
    public var als: ALSConfiguration
    /// Successors kept per track in the graph (default 24).
    public var neighbors: Int

    /// Creates options.
    public init(als: ALSConfiguration, neighbors: Int = 24) {
        self.als = als
        self.neighbors = neighbors
    }

    /// The defaults, with `threads` workers.
    public static func standard(threads: Int) -> TrainingOptions {
        TrainingOptions(als: try! ALSConfiguration(factors: 32, regularization: 0.1, alpha: 10, iterations: 15,
                                                   threads: max(1, min(256, threads))))
    }
}

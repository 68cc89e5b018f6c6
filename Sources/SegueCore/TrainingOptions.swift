import Recommender

/// Options of `segue train`.
public struct TrainingOptions: Sendable, Hashable {
    /// ALS hyper-parameters. Defaults for tracklists: 32 factors, λ = 0.1, α = 10 (an observed
    /// play then weighs ten times an unobserved cell), 15 iterations, all cores.
    public var als: ALSConfiguration
    /// Successors kept per track in the graph (default 24).
    public var neighbors: Int
    /// Who fits ALS.
    public var engine: TrainingEngine

    /// Creates options.
    public init(als: ALSConfiguration, neighbors: Int = 24, engine: TrainingEngine = .native) {
        self.als = als
        self.neighbors = neighbors
        self.engine = engine
    }

    /// The defaults, with `threads` workers.
    public static func standard(threads: Int) -> TrainingOptions {
        TrainingOptions(als: try! ALSConfiguration(factors: 32, regularization: 0.1, alpha: 10, iterations: 15,
                                                   threads: max(1, min(256, threads))))
    }
}

/// Who fits the ALS factors.
public enum TrainingEngine: Sendable, Hashable {
    /// Segue's own multi-threaded ALS (the default; see ``ImplicitALS``).
    case native
    /// Spark MLlib through pyspark, on this machine or a cluster (see ``SparkOptions``).
    case spark(SparkOptions)
}

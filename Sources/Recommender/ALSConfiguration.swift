import DJModel

/// Hyper-parameters of implicit-feedback ALS, with the semantics of the `implicit` library
/// (0.7.3, `AlternatingLeastSquares`) unless `confidence` says otherwise.
public struct ALSConfiguration: Sendable, Hashable {
    /// How an observed count becomes a confidence.
    public enum Confidence: String, Sendable, Hashable {
        /// `alpha · count`, as `implicit` does inside `fit` (an observed cell's total confidence).
        case implicitLibrary
        /// `1 + alpha · count`, as in Hu, Koren & Volinsky (2008).
        case paper
    }

    /// Which per-row solver to use.
    public enum Solver: String, Sendable, Hashable {
        /// Conjugate gradient with `cgSteps` steps warm-started from the previous factors (Takács et al. 2011).
        case conjugateGradient
        /// The exact normal-equation solve by Cholesky factorisation (the reference).
        case exact
    }

    /// Latent dimensions (1…1024; default 64).
    public let factors: Int
    /// λ added to the diagonal of YᵀY, unscaled (≥ 0; default 0.01).
    public let regularization: Float
    /// Confidence scale α (> 0; default 1).
    public let alpha: Float
    /// Alternating sweeps (1…1000; default 15).
    public let iterations: Int
    /// Conjugate-gradient steps per row and sweep (1…64; default 3).
    public let cgSteps: Int
    /// Worker threads (1…256; default 1).
    public let threads: Int
    /// Seed of the initial factors.
    public let seed: UInt64
    /// Confidence mapping.
    public let confidence: Confidence
    /// Per-row solver.
    public let solver: Solver

    /// Checks and stores the parameters.
    public init(factors: Int = 64, regularization: Float = 0.01, alpha: Float = 1, iterations: Int = 15, cgSteps: Int = 3,
                threads: Int = 1, seed: UInt64 = 42, confidence: Confidence = .implicitLibrary,
                solver: Solver = .conjugateGradient) throws(RecommenderError) {
        guard (1...1024).contains(factors) else { throw .invalidParameter(InvalidParameter("factors", "must be in 1…1024, got \(factors)")) }
        guard regularization >= 0, regularization.isFinite else { throw .invalidParameter(InvalidParameter("regularization", "must be ≥ 0, got \(regularization)")) }
        guard alpha > 0, alpha.isFinite else { throw .invalidParameter(InvalidParameter("alpha", "must be > 0, got \(alpha)")) }
        guard (1...1000).contains(iterations) else { throw .invalidParameter(InvalidParameter("iterations", "must be in 1…1000, got \(iterations)")) }
        guard (1...64).contains(cgSteps) else { throw .invalidParameter(InvalidParameter("CG steps", "must be in 1…64, got \(cgSteps)")) }
        guard (1...256).contains(threads) else { throw .invalidParameter(InvalidParameter("threads", "must be in 1…256, got \(threads)")) }
        self.factors = factors
        self.regularization = regularization
        self.alpha = alpha
        self.iterations = iterations
        self.cgSteps = cgSteps
        self.threads = threads
        self.seed = seed
        self.confidence = confidence
        self.solver = solver
    }
}

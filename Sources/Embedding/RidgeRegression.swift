import DJModel
import SegueMath

/// Linear map from standardised audio features to the latent space, fitted by ridge regression
/// with an unpenalised intercept: `W = (XcᵀXc + λ·n·I)⁻¹ XcᵀYc` on centred data, solved by a
/// Cholesky factorisation in double precision. O(n·d² + d³ + n·d·k).
public struct RidgeRegression: Sendable, Hashable, Codable {
    /// Input dimension d.
    public let inputCount: Int
    /// Output dimension k.
    public let outputCount: Int
    /// Weights, d rows × k columns, row-major.
    public let weights: [Float]
    /// Intercept, k values.
    public let intercept: [Float]
    /// The regularisation λ it was fitted with (relative to the number of rows).
    public let regularization: Double

    /// Fits the map from `inputs` (n rows of d) to `targets` (n rows of k).
    public init(inputs: [[Float]], targets: [[Float]], regularization: Double) throws(EmbeddingError) {
        guard regularization > 0, regularization.isFinite else { throw .invalidParameter(InvalidParameter("ridge λ", "must be positive, got \(regularization)")) }
        guard let d = inputs.first?.count, let k = targets.first?.count, d > 0, k > 0, inputs.count == targets.count else {
            throw .invalidInput("ridge regression needs as many feature rows as target rows, both non-empty")
        }
        guard inputs.allSatisfy({ $0.count == d }), targets.allSatisfy({ $0.count == k }) else {
            throw .invalidInput("feature or target rows have different lengths")
        }
        let n = Double(inputs.count)
        var meanX = [Double](repeating: 0, count: d), meanY = [Double](repeating: 0, count: k)
        for (x, y) in zip(inputs, targets) {
            for j in 0..<d { meanX[j] += Double(x[j]) }
            for j in 0..<k { meanY[j] += Double(y[j]) }
        }
        meanX = meanX.map { $0 / n }
        meanY = meanY.map { $0 / n }
        var gram = [Double](repeating: 0, count: d * d), cross = [Double](repeating: 0, count: d * k)
        var centred = [Double](repeating: 0, count: d)
        for (x, y) in zip(inputs, targets) {
            for j in 0..<d { centred[j] = Double(x[j]) - meanX[j] }
            for a in 0..<d {
                let xa = centred[a]
                guard xa != 0 else { continue }
                for b in a..<d { gram[a * d + b] += xa * centred[b] }
                for j in 0..<k { cross[a * k + j] += xa * (Double(y[j]) - meanY[j]) }
            }
        }
        for a in 0..<d {
            for b in 0..<a { gram[a * d + b] = gram[b * d + a] }
            gram[a * d + a] += regularization * n
        }
        var solution = [Double](repeating: 0, count: d * k)
        for j in 0..<k {
            guard let column = CholeskySolver.solve(gram, (0..<d).map { cross[$0 * k + j] }, size: d) else {
                throw .numerical("the ridge system is not positive definite")
            }
            for a in 0..<d { solution[a * k + j] = column[a] }
        }
        weights = solution.map(Float.init)
        intercept = (0..<k).map { j in
            var value = meanY[j]
            for a in 0..<d { value -= meanX[a] * solution[a * k + j] }
            return Float(value)
        }
        guard weights.allSatisfy(\.isFinite), intercept.allSatisfy(\.isFinite) else { throw .numerical("ridge regression produced non-finite weights") }
        inputCount = d
        outputCount = k
        self.regularization = regularization
    }

    /// The predicted latent vector of one standardised feature vector.
    public func predict(_ input: [Float]) -> [Float] {
        var output = intercept
        for a in 0..<min(inputCount, input.count) {
            let x = input[a]
            guard x != 0 else { continue }
            let base = a * outputCount
            for j in 0..<outputCount { output[j] += x * weights[base + j] }
        }
        return output
    }
}

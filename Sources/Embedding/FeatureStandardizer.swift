import DJModel

/// Z-score scaling of feature vectors: each dimension minus its library mean, over its standard
/// deviation (dimensions with no spread are left at 0). The content space of the track graph.
public struct FeatureStandardizer: Sendable, Hashable, Codable {
    /// Per-dimension means.
    public let means: [Float]
    /// Per-dimension standard deviations (1 where the spread is zero).
    public let deviations: [Float]

    /// Errors of fitting.
    public enum FitError: Error, Sendable, Equatable, CustomStringConvertible {
        /// No vectors, or vectors of different lengths.
        case invalidInput(String)

        public var description: String {
            switch self {
            case .invalidInput(let message): return message
            }
        }
    }

    /// Fits means and deviations to `vectors` (all of one length). O(n · d).
    public init(fitting vectors: [FeatureVector]) throws(FitError) {
        guard let dimension = vectors.first?.count, dimension > 0 else { throw .invalidInput("no feature vectors to fit") }
        guard vectors.allSatisfy({ $0.count == dimension }) else {
            throw .invalidInput("feature vectors have different lengths (mixed analysis versions? rescan the library)")
        }
        var sum = [Double](repeating: 0, count: dimension), squares = [Double](repeating: 0, count: dimension)
        for vector in vectors {
            for (index, value) in vector.values.enumerated() {
                sum[index] += Double(value)
                squares[index] += Double(value) * Double(value)
            }
        }
        let n = Double(vectors.count)
        means = sum.map { Float($0 / n) }
        deviations = (0..<dimension).map { index in
            let variance = max(0, squares[index] / n - (sum[index] / n) * (sum[index] / n))
            return variance > 1e-12 ? Float(variance.squareRoot()) : 1
        }
    }

    /// The standardised vector (dimensions beyond the fitted ones are dropped).
    public func transform(_ vector: FeatureVector) -> [Float] {
        (0..<min(means.count, vector.count)).map { (vector.values[$0] - means[$0]) / deviations[$0] }
    }
}

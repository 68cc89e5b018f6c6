import DJModel
import Foundation
import SegueMath

/// Synthetic regression data for the embedding tests, drawn from a seed.
struct EmbeddingTestData {
    var features: [[Float]] = []
    var factors: [[Float]] = []
    var clusters: [Int] = []

    /// Tracks in `clusterCount` scenes: the factors are the scene's centre plus a little noise;
    /// the features carry the scene in `informative` dimensions (as a nonlinear code when
    /// `nonlinear`) and pure noise, `noiseScale` times louder, in `noisy` others.
    static func scenes(count: Int, clusterCount: Int, informative: Int, noisy: Int, noiseScale: Float, nonlinear: Bool,
                       factorCount: Int = 8, seed: UInt64) -> EmbeddingTestData {
        var random = SeededGenerator(seed: seed)
        func normal() -> Float {
            let u = Float.random(in: 1e-6..<1, using: &random), v = Float.random(in: 0..<1, using: &random)
            return (-2 * logf(u)).squareRoot() * cosf(2 * .pi * v)
        }
        let centres = (0..<clusterCount).map { _ in (0..<factorCount).map { _ in normal() } }
        let codes = (0..<clusterCount).map { _ in (0..<informative).map { _ in normal() } }
        var data = EmbeddingTestData()
        for index in 0..<count {
            let cluster = index % clusterCount
            data.clusters.append(cluster)
            data.factors.append(centres[cluster].map { $0 + 0.15 * normal() })
            let code = codes[cluster].map { value -> Float in
                let noisyValue = value + 0.2 * normal()
                return nonlinear ? abs(noisyValue) * (noisyValue > 0 ? 1 : -0.3) + 0.5 * noisyValue * noisyValue : noisyValue
            }
            data.features.append(code + (0..<noisy).map { _ in noiseScale * normal() })
        }
        return data
    }
}

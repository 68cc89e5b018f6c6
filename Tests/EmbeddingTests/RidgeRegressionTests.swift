import DJModel
@testable import Embedding
import SegueMath
import Testing

@Suite("Ridge regression")
struct RidgeRegressionTests {
    @Test("recovers a known linear map with an intercept")
    func recoversLinearMap() throws {
        var random = SeededGenerator(seed: 3)
        let weights: [[Float]] = [[1, -2], [0.5, 0], [0, 3]]  // 3 inputs → 2 outputs
        let intercept: [Float] = [0.25, -1]
        let inputs = (0..<200).map { _ in (0..<3).map { _ in Float.random(in: -1...1, using: &random) } }
        let targets = inputs.map { x in (0..<2).map { j in intercept[j] + (0..<3).reduce(Float(0)) { $0 + x[$1] * weights[$1][j] } } }
        let model = try RidgeRegression(inputs: inputs, targets: targets, regularization: 1e-6)
        for a in 0..<3 { for j in 0..<2 { #expect(abs(model.weights[a * 2 + j] - weights[a][j]) < 1e-3) } }
        for j in 0..<2 { #expect(abs(model.intercept[j] - intercept[j]) < 1e-3) }
        let predicted = model.predict([0.3, -0.2, 0.1])
        #expect(abs(predicted[0] - (0.25 + 0.3 - 0.1)) < 1e-3)
    }

    @Test("a larger λ shrinks the weights")
    func shrinks() throws {
        let data = EmbeddingTestData.scenes(count: 100, clusterCount: 4, informative: 4, noisy: 2, noiseScale: 1, nonlinear: false, seed: 1)
        let loose = try RidgeRegression(inputs: data.features, targets: data.factors, regularization: 1e-4)
        let tight = try RidgeRegression(inputs: data.features, targets: data.factors, regularization: 100)
        let norm = { (model: RidgeRegression) in model.weights.reduce(Float(0)) { $0 + $1 * $1 } }
        #expect(norm(tight) < 0.01 * norm(loose))
    }

    @Test("bad input is a named error")
    func badInput() {
        #expect(throws: EmbeddingError.self) { try RidgeRegression(inputs: [], targets: [], regularization: 1) }
        #expect(throws: EmbeddingError.self) { try RidgeRegression(inputs: [[1, 2]], targets: [[1], [2]], regularization: 1) }
        #expect(throws: EmbeddingError.self) { try RidgeRegression(inputs: [[1, 2], [1]], targets: [[1], [2]], regularization: 1) }
        #expect(throws: EmbeddingError.self) { try RidgeRegression(inputs: [[1]], targets: [[1]], regularization: 0) }
    }
}

import DJModel
@testable import Embedding
import SegueMath
import Testing

@Suite("Neural embedding")
struct NeuralEmbeddingTests {
    @Test("fits a nonlinear map better than ridge regression, and the trainer picks it")
    func beatsRidgeOnNonlinearData() throws {
        var random = SeededGenerator(seed: 5)
        let inputs = (0..<600).map { _ in (0..<4).map { _ in Float.random(in: -2...2, using: &random) } }
        let targets = inputs.map { x in [abs(x[0]) - 1, x[1] * x[2] / 2, max(0, x[3]) - 0.5] }
        let trainer = try ContentEmbeddingTrainer(network: try NeuralEmbeddingTrainer(hiddenCount: 32, maxEpochs: 300, patience: 30))
        let candidates = try trainer.fitCandidates(features: inputs, factors: targets)
        let cosines = candidates.report.validationCosine
        #expect(candidates.report.chosen == .network)
        let network = try #require(cosines[.network]), ridge = try #require(cosines[.ridge])
        #expect(network > 0.9)
        #expect(network > ridge + 0.1)
    }

    @Test("early stopping keeps the best epoch and stops before the limit on noise")
    func stopsEarly() throws {
        var random = SeededGenerator(seed: 8)
        let inputs = (0..<80).map { _ in (0..<6).map { _ in Float.random(in: -1...1, using: &random) } }
        let targets = (0..<80).map { _ in (0..<3).map { _ in Float.random(in: -1...1, using: &random) } }
        let trainer = try NeuralEmbeddingTrainer(hiddenCount: 64, maxEpochs: 500, patience: 10)
        let outcome = try trainer.train(inputs: Array(inputs[..<60]), targets: Array(targets[..<60]),
                                        validation: (Array(inputs[60...]), Array(targets[60...])))
        #expect(outcome.bestEpoch < 100)
        let error = try #require(outcome.validationError)
        #expect(abs(error - NeuralEmbeddingTrainer.meanSquaredError(outcome.model, Array(inputs[60...]), Array(targets[60...]))) < 1e-9)
    }

    @Test("the same seed gives the same network")
    func deterministic() throws {
        let data = EmbeddingTestData.scenes(count: 60, clusterCount: 3, informative: 3, noisy: 1, noiseScale: 1, nonlinear: true, seed: 2)
        let trainer = try NeuralEmbeddingTrainer(maxEpochs: 5)
        let first = try trainer.train(inputs: data.features, targets: data.factors).model
        let second = try trainer.train(inputs: data.features, targets: data.factors).model
        #expect(first == second)
        let prediction = first.predict(data.features[0])
        #expect(prediction.allSatisfy { $0.isFinite })
    }

    @Test("bad parameters and too little data are named errors")
    func badInput() {
        #expect(throws: EmbeddingError.self) { try NeuralEmbeddingTrainer(hiddenCount: 0) }
        #expect(throws: EmbeddingError.self) { try NeuralEmbeddingTrainer(learningRate: 2) }
        #expect(throws: EmbeddingError.self) { try ContentEmbeddingTrainer().fitCandidates(features: [[1]], factors: [[1]]) }
        #expect(throws: EmbeddingError.self) { try ContentEmbeddingTrainer().fitCandidates(features: [[1], [2]], factors: [[1]]) }
        let nan = [[Float]](repeating: [.nan], count: 30)
        #expect(throws: EmbeddingError.self) { try ContentEmbeddingTrainer().fitCandidates(features: nan, factors: nan) }
    }
}

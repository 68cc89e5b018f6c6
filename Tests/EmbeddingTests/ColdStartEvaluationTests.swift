import DJModel
@testable import Embedding
import SegueMath
import Testing

@Suite("Cold-start evaluation")
struct ColdStartEvaluationTests {
    @Test("predicted factors find a held-out track's ALS neighbours better than raw features, which beat chance")
    func predictedBeatsRaw() throws {
        // Scenes are coded in 4 feature dimensions; 12 loud noise dimensions swamp raw cosine.
        let data = EmbeddingTestData.scenes(count: 400, clusterCount: 8, informative: 4, noisy: 12, noiseScale: 1.5, nonlinear: true, seed: 4)
        let standardizer = try FeatureStandardizer(fitting: data.features.map(FeatureVector.init))
        let features = data.features.map { standardizer.transform(FeatureVector($0)) }
        let result = try ColdStartEvaluation(features: features, factors: data.factors, trainer: try ContentEmbeddingTrainer())
        #expect(result.heldOut == 80 && result.catalogue == 320 && result.neighbours == 10)
        let chosen = try #require(result.recall(of: "chosen")), raw = try #require(result.recall(of: "raw features"))
        let random = try #require(result.recall(of: "random"))
        #expect(abs(random - 10.0 / 320) < 1e-12)
        #expect(chosen > raw + 0.05)
        #expect(raw > random)
        #expect(try #require(result.recall(of: "chosen, audio only")) > random)
    }

    @Test("the trained embedding maps features to unit vectors near the track's scene")
    func embedsIntoScene() throws {
        let data = EmbeddingTestData.scenes(count: 240, clusterCount: 4, informative: 4, noisy: 2, noiseScale: 1, nonlinear: false, seed: 9)
        let standardizer = try FeatureStandardizer(fitting: data.features.map(FeatureVector.init))
        let (embedding, report) = try ContentEmbeddingTrainer().fit(standardizer: standardizer, features: data.features.map {
            standardizer.transform(FeatureVector($0))
        }, factors: data.factors)
        #expect(report.trainingRows + report.validationRows == 240)
        let vector = embedding.embed(FeatureVector(data.features[0]))
        #expect(abs(VectorMath.dot(vector, vector) - 1) < 1e-4)
        let truth = VectorMath.normalized(data.factors[0])
        #expect(VectorMath.dot(vector, truth) > 0.8)
    }

    @Test("too few tracks to hold out is a named error")
    func tooFew() {
        #expect(throws: EmbeddingError.self) {
            try ColdStartEvaluation(features: [[1], [2], [3]], factors: [[1], [2], [3]], trainer: try ContentEmbeddingTrainer())
        }
    }
}

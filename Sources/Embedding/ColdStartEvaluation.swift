import DJModel
import SegueMath

/// How well audio alone finds a track's ALS neighbours: the cold-start check of the embedding.
///
/// A share of the tracks that have both audio features and ALS factors is held out (their
/// factors are hidden from the embedding's fit); the rest form the warm catalogue. For each held-
/// out track, its true neighbours are the `neighbours` warm tracks nearest by cosine of the true
/// ALS factors; recall@k is the share of them found by:
/// - the predicted factors against the warm tracks' true factors (a new track in a trained
///   library), for the ridge, the network and the chosen model;
/// - the predicted factors against the warm tracks' predicted factors (audio only on both sides,
///   as the track graph's content similarity uses them);
/// - the raw standardised features against the warm tracks' features (the baseline);
/// - a random ranking (expected value `neighbours / catalogue`).
public struct ColdStartEvaluation: Sendable, Hashable {
    /// Held-out tracks and warm catalogue size.
    public var heldOut: Int, catalogue: Int
    /// Neighbours compared (k of recall@k).
    public var neighbours: Int
    /// Recall@k per method, in the order above: `ridge`, `network`, `chosen`, `chosen, audio only`,
    /// `raw features`, `random`.
    public var recall: [MethodRecall]
    /// The model the trainer chose on its validation split.
    public var chosen: String

    /// Recall@k of one method.
    public struct MethodRecall: Sendable, Hashable {
        /// The method's name.
        public var method: String
        /// Share of true neighbours found, 0…1.
        public var value: Double
    }

    /// The recall of one method, if it was measured.
    public func recall(of method: String) -> Double? { recall.first { $0.method == method }?.value }

    /// Runs the check on standardised `features` and ALS `factors` (one row per track).
    public init(features: [[Float]], factors: [[Float]], trainer: ContentEmbeddingTrainer, heldOutFraction: Double = 0.2,
                neighbours: Int = 10, seed: UInt64 = 23) throws(EmbeddingError) {
        guard heldOutFraction > 0, heldOutFraction < 1 else { throw .invalidParameter(InvalidParameter("held-out share", "must be in (0, 1)")) }
        guard features.count == factors.count else { throw .invalidInput("\(features.count) feature rows but \(factors.count) factor rows") }
        var random = SeededGenerator(seed: seed)
        let order = Array(features.indices).shuffled(using: &random)
        let heldOutCount = Int(saturating: (Double(order.count) * heldOutFraction).rounded())
        let cold = Array(order.prefix(heldOutCount)), warm = Array(order.dropFirst(heldOutCount))
        guard cold.count >= 1, warm.count > neighbours, neighbours >= 1 else {
            throw .invalidInput("\(features.count) tracks are too few to hold out \(Int(saturating: heldOutFraction * 100)) % and rank \(neighbours) neighbours")
        }
        let candidates = try trainer.fitCandidates(features: warm.map { features[$0] }, factors: warm.map { factors[$0] })
        let chosenModel = candidates.report.chosen == .network ? candidates.network : candidates.ridge
        let warmFactors = warm.map { VectorMath.normalized(factors[$0]) }
        let warmFeatures = warm.map { VectorMath.normalized(features[$0]) }
        let warmPredicted = warm.map { VectorMath.normalized(chosenModel.predict(features[$0])) }

        let coldTruth = cold.map { VectorMath.normalized(factors[$0]) }
        func predictions(_ model: ContentEmbedding.Model) -> [[Float]] { cold.map { VectorMath.normalized(model.predict(features[$0])) } }
        let chosenPredictions = predictions(chosenModel)
        func measure(_ queries: [[Float]], _ space: [[Float]]) -> Double {
            NeighbourRecall.recall(predictedQueries: queries, searchedSpace: space, trueQueries: coldTruth, trueSpace: warmFactors, k: neighbours)
        }
        recall = [
            MethodRecall(method: ContentModelKind.ridge.rawValue, value: measure(predictions(candidates.ridge), warmFactors)),
            MethodRecall(method: ContentModelKind.network.rawValue, value: measure(predictions(candidates.network), warmFactors)),
            MethodRecall(method: "chosen", value: measure(chosenPredictions, warmFactors)),
            MethodRecall(method: "chosen, audio only", value: measure(chosenPredictions, warmPredicted)),
            MethodRecall(method: "raw features", value: measure(cold.map { VectorMath.normalized(features[$0]) }, warmFeatures)),
            MethodRecall(method: "random", value: Double(neighbours) / Double(warm.count)),
        ]
        heldOut = cold.count
        catalogue = warm.count
        self.neighbours = neighbours
        chosen = candidates.report.chosen.rawValue
    }
}

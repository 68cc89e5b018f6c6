import DJModel
import SegueMath

/// Fits both cold-start models on tracks that have audio features and ALS factors, and keeps the
/// better one on a validation split.
///
/// Targets are the ALS item factors scaled to unit length (neighbours are ranked by cosine).
/// The rows are split once, by seed, into training and validation; ridge λ is chosen from a grid
/// and the network stops early on the validation rows; the candidate whose predictions find more
/// of the validation tracks' true ALS neighbours among the training tracks (recall@10, the use
/// the model is for; mean cosine breaks ties) wins and is refitted on all rows (the network for
/// the number of epochs that early stopping chose).
public struct ContentEmbeddingTrainer: Sendable, Hashable {
    /// Share of rows held out for validation (default 0.2).
    public let validationFraction: Double
    /// Ridge λ values tried (relative to the number of rows).
    public let ridgeRegularizations: [Double]
    /// The network's trainer.
    public let network: NeuralEmbeddingTrainer
    /// Seed of the split.
    public let seed: UInt64
    /// Fewest rows with both features and factors the trainer accepts.
    public static let minimumRows = 20

    /// Checks and stores the parameters.
    public init(validationFraction: Double = 0.2, ridgeRegularizations: [Double] = [0.001, 0.01, 0.1, 1, 10],
                network: NeuralEmbeddingTrainer? = nil, seed: UInt64 = 11) throws(EmbeddingError) {
        guard validationFraction > 0, validationFraction < 1 else { throw .invalidParameter(InvalidParameter("validation share", "must be in (0, 1)")) }
        guard !ridgeRegularizations.isEmpty, ridgeRegularizations.allSatisfy({ $0 > 0 }) else { throw .invalidParameter(InvalidParameter("ridge λ values", "must be positive")) }
        self.validationFraction = validationFraction
        self.ridgeRegularizations = ridgeRegularizations
        if let network { self.network = network } else { self.network = try NeuralEmbeddingTrainer() }
        self.seed = seed
    }

    /// How each candidate did on the validation rows.
    public struct Report: Sendable, Hashable {
        /// Rows used for fitting and for validation.
        public var trainingRows: Int, validationRows: Int
        /// Mean cosine between predicted and true factors on validation, per candidate.
        public var validationCosine: [ContentModelKind: Double]
        /// Recall@10 of the validation tracks' true neighbours among the training tracks, per
        /// candidate.
        public var validationRecall: [ContentModelKind: Double]
        /// The chosen candidate.
        public var chosen: ContentModelKind
        /// The ridge λ chosen and the network's early-stopping epoch.
        public var ridgeRegularization: Double, networkEpochs: Int
    }

    /// Fits on standardised `features` and `factors` (one row per track, same order).
    public func fit(standardizer: FeatureStandardizer, features: [[Float]], factors: [[Float]]) throws(EmbeddingError) -> (ContentEmbedding, Report) {
        let candidates = try fitCandidates(features: features, factors: factors)
        let targets = factors.map(VectorMath.normalized)
        let final: ContentEmbedding.Model
        if candidates.report.chosen == .network {
            let refit = try network.train(inputs: features, targets: targets, epochs: candidates.report.networkEpochs)
            final = .neural(refit.model)
        } else {
            final = .ridge(try RidgeRegression(inputs: features, targets: targets, regularization: candidates.report.ridgeRegularization))
        }
        return (ContentEmbedding(standardizer: standardizer, model: final), candidates.report)
    }

    /// Both candidates fitted on the training split only, with the validation report.
    public func fitCandidates(features: [[Float]], factors: [[Float]]) throws(EmbeddingError) -> (ridge: ContentEmbedding.Model, network: ContentEmbedding.Model, report: Report) {
        guard features.count == factors.count else { throw .invalidInput("\(features.count) feature rows but \(factors.count) factor rows") }
        guard features.count >= Self.minimumRows else {
            throw .invalidInput("only \(features.count) tracks have both audio features and ALS factors; the cold-start model needs \(Self.minimumRows)")
        }
        guard features.allSatisfy({ $0.allSatisfy(\.isFinite) }), factors.allSatisfy({ $0.allSatisfy(\.isFinite) }) else {
            throw .invalidInput("features or factors contain non-finite values")
        }
        let targets = factors.map(VectorMath.normalized)
        var random = SeededGenerator(seed: seed)
        let order = Array(features.indices).shuffled(using: &random)
        let validationCount = max(1, Int(saturating: (Double(order.count) * validationFraction).rounded()))
        let validation = Array(order.prefix(validationCount)), training = Array(order.dropFirst(validationCount))
        let trainX = training.map { features[$0] }, trainY = training.map { targets[$0] }
        let validX = validation.map { features[$0] }, validY = validation.map { targets[$0] }

        let k = min(10, trainY.count - 1)
        func score(_ predictions: [[Float]]) -> (recall: Double, cosine: Double) {
            let unit = predictions.map(VectorMath.normalized)
            return (NeighbourRecall.recall(predictedQueries: unit, searchedSpace: trainY, trueQueries: validY, trueSpace: trainY, k: k),
                    Self.meanCosine(unit, validY))
        }
        var bestRidge: (model: RidgeRegression, score: (recall: Double, cosine: Double))?
        for lambda in ridgeRegularizations {
            let model = try RidgeRegression(inputs: trainX, targets: trainY, regularization: lambda)
            let result = score(validX.map(model.predict))
            if bestRidge.map({ result > $0.score }) ?? true { bestRidge = (model, result) }
        }
        let trained = try network.train(inputs: trainX, targets: trainY, validation: (validX, validY))
        let networkScore = score(validX.map(trained.model.predict))
        guard let bestRidge else { throw .invalidParameter(InvalidParameter("ridge λ values", "are empty: no ridge λ to try")) }
        let report = Report(trainingRows: training.count, validationRows: validation.count,
                            validationCosine: [.ridge: bestRidge.score.cosine, .network: networkScore.cosine],
                            validationRecall: [.ridge: bestRidge.score.recall, .network: networkScore.recall],
                            chosen: networkScore > bestRidge.score ? .network : .ridge,
                            ridgeRegularization: bestRidge.model.regularization, networkEpochs: max(1, trained.bestEpoch))
        return (.ridge(bestRidge.model), .neural(trained.model), report)
    }

    /// Mean cosine similarity between predictions and unit-length targets.
    static func meanCosine(_ predictions: [[Float]], _ targets: [[Float]]) -> Double {
        guard !predictions.isEmpty else { return 0 }
        var total = 0.0
        for (p, t) in zip(predictions, targets) { total += Double(VectorMath.dot(VectorMath.normalized(p), t)) }
        return total / Double(predictions.count)
    }
}

import DJModel
import SegueMath

/// The cold-start model: standardises a track's audio feature vector and maps it into the ALS
/// latent space, so that tracks no tracklist contains get neighbours from their audio.
/// Stored in the library after training and applied to tracks scanned later.
public struct ContentEmbedding: Sendable, Hashable, Codable {
    /// The fitted regression.
    public enum Model: Sendable, Hashable, Codable {
        /// Linear map (``RidgeRegression``).
        case ridge(RidgeRegression)
        /// One-hidden-layer network (``NeuralEmbedding``).
        case neural(NeuralEmbedding)

        /// Which kind of regression this is.
        public var kind: ContentModelKind {
            switch self {
            case .ridge: return .ridge
            case .neural: return .network
            }
        }

        /// The raw prediction for one standardised feature vector.
        public func predict(_ standardized: [Float]) -> [Float] {
            switch self {
            case .ridge(let model): return model.predict(standardized)
            case .neural(let model): return model.predict(standardized)
            }
        }
    }

    /// The feature scaling the model was trained on.
    public let standardizer: FeatureStandardizer
    /// The regression.
    public let model: Model

    /// Pairs a scaling and a model.
    public init(standardizer: FeatureStandardizer, model: Model) {
        self.standardizer = standardizer
        self.model = model
    }

    /// The unit-length latent vector predicted from a track's features.
    public func embed(_ features: FeatureVector) -> [Float] { embed(standardized: standardizer.transform(features)) }

    /// The unit-length latent vector predicted from already standardised features.
    public func embed(standardized: [Float]) -> [Float] { VectorMath.normalized(model.predict(standardized)) }
}

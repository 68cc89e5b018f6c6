/// Errors of the recommender.
public enum RecommenderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A parameter is outside its documented range.
    case invalidParameter(String)
    /// The interaction data is unusable (empty, malformed); the message names file and line.
    case invalidData(String)
    /// Training diverged (a factor became NaN or infinite).
    case diverged(iteration: Int)

    public var description: String {
        switch self {
        case .invalidParameter(let message): return message
        case .invalidData(let message): return message
        case .diverged(let iteration):
            return "ALS diverged at iteration \(iteration) (non-finite factors); lower alpha or raise the regularisation"
        }
    }
}

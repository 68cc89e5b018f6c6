import DJModel

/// Errors of the recommender.
public enum RecommenderError: ParameterError, Sendable, Equatable, CustomStringConvertible {
    /// A parameter is outside its documented range: which one, and why.
    case invalidParameter(InvalidParameter)
    /// The interaction data is unusable (empty, malformed); the message names file and line.
    case invalidData(String)
    /// Training diverged (a factor became NaN or infinite).
    case diverged(iteration: Int)

    public var description: String {
        switch self {
        case .invalidParameter(let problem): return problem.description
        case .invalidData(let message): return message
        case .diverged(let iteration):
            return "ALS diverged at iteration \(iteration) (non-finite factors); lower alpha or raise the regularisation"
        }
    }
}

extension RecommenderError {
    /// The parameter at fault, for an `invalidParameter` error.
    public var parameterProblem: InvalidParameter? {
        if case .invalidParameter(let problem) = self { return problem }
        return nil
    }
}

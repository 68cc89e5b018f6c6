import DJModel

/// Errors of fitting or evaluating a content embedding.
public enum EmbeddingError: ParameterError, Sendable, Equatable, CustomStringConvertible {
    /// The training data cannot be used (too few tracks, mismatched lengths, non-finite values).
    case invalidInput(String)
    /// A parameter is outside its documented range: which one, and why.
    case invalidParameter(InvalidParameter)
    /// The fit diverged or produced non-finite weights.
    case numerical(String)

    public var description: String {
        switch self {
        case .invalidInput(let message), .numerical(let message): return message
        case .invalidParameter(let problem): return problem.description
        }
    }
}

extension EmbeddingError {
    /// The parameter at fault, for an `invalidParameter` error.
    public var parameterProblem: InvalidParameter? {
        if case .invalidParameter(let problem) = self { return problem }
        return nil
    }
}

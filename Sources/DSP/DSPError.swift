import DJModel

/// Errors of the signal-processing layer.
public enum DSPError: ParameterError, Sendable, Equatable, CustomStringConvertible {
    /// A parameter is outside its documented range: which one, and why.
    case invalidParameter(InvalidParameter)

    public var description: String {
        switch self {
        case .invalidParameter(let problem): return problem.description
        }
    }
}

extension DSPError {
    /// The parameter at fault, for an `invalidParameter` error.
    public var parameterProblem: InvalidParameter? {
        if case .invalidParameter(let problem) = self { return problem }
        return nil
    }
}

import DJModel
import Foundation
/// Errors of the estimators.
public enum AnalysisError: ParameterError, Sendable, Equatable, CustomStringConvertible {
    /// A parameter is outside its documented range: which one, and why.
    case invalidParameter(InvalidParameter)
    /// The audio is too short for any estimate (under `minimum` seconds).
    case tooShort(seconds: Double, minimum: Double)
    /// A library call failed.
    case backend(String)

    public var description: String {
        switch self {
        case .invalidParameter(let problem): return problem.description
        case .tooShort(let seconds, let minimum):
            return "too short to analyse: \(String(format: "%.2f", seconds)) s of audio, at least \(minimum) s needed"
        case .backend(let message): return message
        }
    }
}

extension AnalysisError {
    /// The parameter at fault, for an `invalidParameter` error.
    public var parameterProblem: InvalidParameter? {
        if case .invalidParameter(let problem) = self { return problem }
        return nil
    }
}

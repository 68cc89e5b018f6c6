import Foundation
/// Errors of the estimators.
public enum AnalysisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A configuration value is outside its documented range.
    case invalidParameter(String)
    /// The audio is too short for any estimate (under `minimum` seconds).
    case tooShort(seconds: Double, minimum: Double)
    /// A library call failed.
    case backend(String)

    public var description: String {
        switch self {
        case .invalidParameter(let message): return message
        case .tooShort(let seconds, let minimum):
            return "too short to analyse: \(String(format: "%.2f", seconds)) s of audio, at least \(minimum) s needed"
        case .backend(let message): return message
        }
    }
}

/// Errors of the signal-processing layer.
public enum DSPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A parameter is outside its documented range.
    case invalidParameter(String)

    public var description: String {
        switch self {
        case .invalidParameter(let message): return message
        }
    }
}

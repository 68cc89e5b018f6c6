/// Errors of fitting or evaluating a content embedding.
public enum EmbeddingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The training data cannot be used (too few tracks, mismatched lengths, non-finite values).
    case invalidInput(String)
    /// A parameter is out of its range.
    case invalidParameter(String)
    /// The fit diverged or produced non-finite weights.
    case numerical(String)

    public var description: String {
        switch self {
        case .invalidInput(let message), .invalidParameter(let message), .numerical(let message): return message
        }
    }
}

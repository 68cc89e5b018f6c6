import DJModel

/// Errors of audio decoding, encoding and tag reading; each names the file.
public enum AudioIOError: ParameterError, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or decoded (missing, corrupt, truncated, not audio).
    case unreadable(path: String, reason: String)
    /// The file decoded to no audio at all.
    case empty(path: String)
    /// The file could not be written.
    case unwritable(path: String, reason: String)
    /// The requested container is not one Segue writes.
    case unsupportedFormat(String)
    /// A parameter is outside its documented range: which one, and why.
    case invalidParameter(InvalidParameter)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot decode audio (\(reason))"
        case .empty(let path): return "\(path): the file holds no audio"
        case .unwritable(let path, let reason): return "\(path): cannot write audio (\(reason))"
        case .unsupportedFormat(let name): return "unsupported audio format '\(name)' (use wav, aiff, flac, ogg or mp3)"
        case .invalidParameter(let problem): return problem.description
        }
    }
}

extension AudioIOError {
    /// The parameter at fault, for an `invalidParameter` error.
    public var parameterProblem: InvalidParameter? {
        if case .invalidParameter(let problem) = self { return problem }
        return nil
    }
}

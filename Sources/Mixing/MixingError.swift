import AudioIO
import DJModel

/// Errors of planning and rendering a mix, each in words a DJ can act on.
public enum MixingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A set that cannot be mixed as given (no tracks, a track without tempo, mismatched transitions).
    case invalidSet(String)
    /// A parameter is outside its documented range.
    case invalidParameter(InvalidParameter)
    /// Reading a track or writing the mix failed.
    case audio(AudioIOError)
    /// Rubber Band refused to stretch a passage.
    case stretchFailed(String)
    /// The render was cancelled; no file was left under the final name.
    case cancelled

    public var description: String {
        switch self {
        case .invalidSet(let reason): return "cannot mix this set: \(reason)"
        case .invalidParameter(let problem): return problem.description
        case .audio(let error): return error.description
        case .stretchFailed(let reason): return "time-stretching failed: \(reason)"
        case .cancelled: return "the render was cancelled; nothing was written under the output name"
        }
    }
}

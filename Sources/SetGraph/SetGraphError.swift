/// Errors of set planning.
public enum SetGraphError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A parameter is outside its documented range.
    case invalidParameter(String)
    /// The track is not in the graph (not analysed, or unknown).
    case unknownTrack(Int64)
    /// No set or bridge satisfies the constraints; the message says why and what to relax.
    case noPath(String)

    public var description: String {
        switch self {
        case .invalidParameter(let message): return message
        case .unknownTrack(let id): return "track \(id) is not in the track graph (is it analysed? run `segue graph`)"
        case .noPath(let message): return message
        }
    }
}

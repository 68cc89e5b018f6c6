/// Errors of the track library.
public enum LibraryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database file could not be opened or migrated.
    case cannotOpen(path: String, reason: String)
    /// A query or write failed.
    case database(String)
    /// No track has this id.
    case unknownTrack(Int64)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open library \(path): \(reason)"
        case .database(let message): return "library error: \(message)"
        case .unknownTrack(let id): return "no track with id \(id) in the library"
        }
    }
}

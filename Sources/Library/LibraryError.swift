import GRDB

/// Errors of the track library.
public enum LibraryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database file could not be opened or migrated.
    case cannotOpen(path: String, reason: String)
    /// A query or write failed.
    case database(String)
    /// No track has this id.
    case unknownTrack(Int64)
    /// The library is open for reading only (this user cannot write its file or folder).
    case readOnly(path: String)
    /// Another saved set already holds this name (and the caller did not ask to replace it).
    case nameTaken(name: String, id: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open library \(path): \(reason)"
        case .database(let message): return "library error: \(message)"
        case .unknownTrack(let id): return "no track with id \(id) in the library"
        case .readOnly(let path): return "the library \(path) is read-only for this user: searching, planning and exporting work, storing does not"
        case .nameTaken(let name, let id): return "another saved set (\(id)) is already called “\(name)”"
        }
    }

    /// A failure's message without the SQL statement or its arguments (GRDB's descriptions carry
    /// both): messages reach API answers and must not show the schema or a user's data.
    static func summary(of error: any Error) -> String {
        if let error = error as? LibraryError { return error.description }
        if let error = error as? DatabaseError {
            return "SQLite error \(error.resultCode.rawValue): \(error.message ?? "unknown")"
        }
        return "\(error)"
    }
}

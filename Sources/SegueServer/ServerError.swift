import SegueCore

/// An error answered as `{ "error": message }` with an HTTP status (and `"field"` when one
/// parameter is at fault).
public struct ServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// HTTP status code.
    public let status: Int
    /// The message.
    public let message: String
    /// The parameter at fault, if one is.
    public let field: String?

    /// Creates an error.
    public init(status: Int, message: String, field: String? = nil) {
        self.status = status
        self.message = message
        self.field = field
    }

    public var description: String { message }

    /// The HTTP status of a use-case error: bad input 400, not found 404, unsatisfiable 422, I/O 500.
    init(_ error: SegueError) {
        switch error.kind {
        case .invalidInput: self.init(status: 400, message: error.message, field: error.field)
        case .notFound: self.init(status: 404, message: error.message)
        case .unsatisfiable: self.init(status: 422, message: error.message)
        case .ioFailure: self.init(status: 500, message: error.message)
        }
    }
}

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
    /// Seconds after which the client may try again (`Retry-After`, with 503).
    public let retryAfter: Int?

    /// Creates an error.
    public init(status: Int, message: String, field: String? = nil, retryAfter: Int? = nil) {
        self.status = status
        self.message = message
        self.field = field
        self.retryAfter = retryAfter
    }

    public var description: String { message }

    /// The HTTP status of a use-case error: bad input 400, not found 404, a name another set holds 409, unsatisfiable 422, I/O 500.
    init(_ error: SegueError) {
        switch error.kind {
        case .invalidInput: self.init(status: 400, message: error.message, field: error.field)
        case .notFound: self.init(status: 404, message: error.message)
        case .unsatisfiable: self.init(status: 422, message: error.message)
        case .ioFailure: self.init(status: 500, message: error.message)
        case .conflict: self.init(status: 409, message: error.message, field: error.field)
        }
    }
}

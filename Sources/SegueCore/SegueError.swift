import Library
import DJModel
import SetGraph

/// Errors of the use cases, each with a message a DJ can act on. The CLI prints the message;
/// the server maps ``SegueError/kind`` to an HTTP status.
public struct SegueError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for status mapping.
    public enum Kind: String, Sendable {
        /// The request is invalid (bad option, bad value).
        case invalidInput
        /// A track, file or set was not found.
        case notFound
        /// The request is valid but cannot be satisfied (no path, nothing to train on).
        case unsatisfiable
        /// A file could not be read or written, or the database failed.
        case ioFailure
        /// The request clashes with what is stored (a set name another set holds).
        case conflict
    }

    /// The category.
    public let kind: Kind
    /// The message.
    public let message: String
    /// The parameter at fault, when the error is about one (``InvalidParameter/field``).
    public let field: String?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, field: String? = nil) {
        self.kind = kind
        self.message = message
        self.field = field
    }

    /// A parameter outside its range, as bad input naming the parameter.
    public init(_ problem: InvalidParameter) {
        self.init(.invalidInput, problem.description, field: problem.field)
    }

    /// A planner's error: an invalid parameter names its field, no path is unsatisfiable, the
    /// rest is bad input.
    init(planning error: SetGraphError) {
        if case .invalidParameter(let problem) = error { self.init(problem); return }
        self.init(error.isUnsatisfiable ? .unsatisfiable : .invalidInput, error.description)
    }

    public var description: String { message }

    /// Wraps an error from a lower layer: a ``SegueError`` as it is, an invalid parameter
    /// (``ParameterError``) as bad input naming its field, anything else as `kind` with its text.
    public static func wrap(_ error: any Error, as kind: Kind = .ioFailure) -> SegueError {
        if let segue = error as? SegueError { return segue }
        if let problem = (error as? any ParameterError)?.parameterProblem { return SegueError(problem) }
        if case .readOnly? = error as? LibraryError { return SegueError(.unsatisfiable, "\(error)") }
        if case .nameTaken? = error as? LibraryError {
            return SegueError(.conflict, "\(error); choose another name, or replace it (\"replace\": true, --replace)", field: "name")
        }
        return SegueError(kind, "\(error)")
    }
}

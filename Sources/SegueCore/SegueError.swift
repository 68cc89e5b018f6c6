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
    }

    /// The category.
    public let kind: Kind
    /// The message.
    public let message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// Wraps an error from a lower layer.
    static func wrap(_ error: any Error, as kind: Kind = .ioFailure) -> SegueError {
        if let segue = error as? SegueError { return segue }
        return SegueError(kind, "\(error)")
    }
}

/// A parameter outside what a function accepts: which parameter, and why — so that a caller can
/// point at the field (a command-line option, a JSON field) instead of showing only a sentence.
public struct InvalidParameter: Error, Sendable, Hashable, CustomStringConvertible {
    /// The parameter, as its owner names it (e.g. `beam width`, `threads`).
    public let field: String
    /// What is wrong with it, as the rest of a sentence that starts with the field (e.g.
    /// `must be 1…10000, got 0`).
    public let reason: String

    /// Names the parameter and the reason.
    public init(_ field: String, _ reason: String) {
        self.field = field
        self.reason = reason
    }

    /// "FIELD REASON", e.g. "beam width must be 1…10000, got 0".
    public var description: String { "\(field) \(reason)" }
}

/// An error that may be about one parameter (every module's error enum with an
/// `invalidParameter` case), so that layers above can name the field without knowing the enum.
public protocol ParameterError: Error {
    /// The parameter at fault, when the error is about one.
    var parameterProblem: InvalidParameter? { get }
}

/// Errors of playlist and tracklist reading and writing; messages name the file and the line
/// (text formats) or the byte offset (binary formats).
public enum PlaylistFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input is malformed at `line` (1-based; 0 when not line-oriented).
    case malformed(source: String, line: Int, reason: String)
    /// A binary input is malformed at byte `offset` (0-based).
    case malformedBinary(source: String, offset: Int, reason: String)
    /// The format name is unknown.
    case unknownFormat(String)
    /// An export option is invalid.
    case invalidOption(String)

    public var description: String {
        switch self {
        case .malformed(let source, let line, let reason): return line > 0 ? "\(source):\(line): \(reason)" : "\(source): \(reason)"
        case .malformedBinary(let source, let offset, let reason): return "\(source): at byte \(offset): \(reason)"
        case .unknownFormat(let name):
            return "unknown format '\(name)'; use one of: \(SetFormat.allCases.map(\.rawValue).joined(separator: ", "))"
        case .invalidOption(let reason): return reason
        }
    }
}

/// Errors of playlist and tracklist reading and writing; messages name the file and line.
public enum PlaylistFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input is malformed at `line` (1-based; 0 when not line-oriented).
    case malformed(source: String, line: Int, reason: String)
    /// The format name is unknown.
    case unknownFormat(String)

    public var description: String {
        switch self {
        case .malformed(let source, let line, let reason): return line > 0 ? "\(source):\(line): \(reason)" : "\(source): \(reason)"
        case .unknownFormat(let name):
            return "unknown format '\(name)'; use one of: \(SetFormat.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }
}

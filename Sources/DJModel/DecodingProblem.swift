/// What is wrong with a JSON document that failed to decode, in a few words that name the field
/// but never quote the document's values (it may be any file, or a secret).
public enum DecodingProblem {
    /// `'tracks.[3].bpm' has the wrong type`, `not valid JSON`, … for a decoding error.
    public static func summary(of error: any Error) -> String {
        func field(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "the document" : "'" + path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".") + "'"
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?: return "\(field(context.codingPath + [key])) is missing"
        case .typeMismatch(_, let context)?: return "\(field(context.codingPath)) has the wrong type"
        case .valueNotFound(_, let context)?: return "\(field(context.codingPath)) is null"
        case .dataCorrupted(let context)?:
            if context.codingPath.isEmpty { return "not valid JSON" }
            // The range checks of the set document say what the field must be, never its value.
            if context.debugDescription.hasPrefix("must be") { return "\(field(context.codingPath)) \(context.debugDescription.split(separator: ",").first ?? "")" }
            return "\(field(context.codingPath)) has an invalid value"
        default: return "unreadable"
        }
    }
}

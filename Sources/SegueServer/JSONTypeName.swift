/// The JSON name of a Swift type a request field decodes to, for error messages that tell a
/// client what to send ("field 'position' must be an integer").
enum JSONTypeName {
    /// "an integer", "a number", "a string", "true or false", "an array", "an object" or "a value".
    static func of(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt.Type: return "an integer"
        case is Double.Type, is Float.Type: return "a number"
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") || name.hasPrefix("[") { return "an array" }
            if name.hasPrefix("Dictionary") || name.hasPrefix("KeyedDecodingContainer") { return "an object" }
            return "a value of the documented type"
        }
    }
}

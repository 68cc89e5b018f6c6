/// A syntax error in CSV text, with the 1-based line where the bad row starts.
public struct CSVSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line where the row starts.
    public let line: Int
    /// What is wrong.
    public let reason: String

    public var description: String { "line \(line): \(reason)" }
}

/// RFC 4180 fields, shared by every CSV reader and writer: quoting on write; on read, rows with
/// quoted commas, doubled quotes and line breaks, each with the line it starts on.
public enum CSVField {
    /// Quotes `field` when it holds a comma, quote or line break.
    public static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The rows of `text` with the 1-based line each starts on; blank lines are skipped.
    /// - Throws: ``CSVSyntaxError`` for an unterminated quoted field.
    /// - Complexity: O(characters).
    public static func rows(_ text: String) throws(CSVSyntaxError) -> [(line: Int, fields: [String])] {
        var rows: [(line: Int, fields: [String])] = []
        var fields: [String] = [], field = ""
        var quoted = false, afterQuote = false, line = 1, rowLine = 1
        var characters = text.makeIterator()
        var pending = characters.next()
        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append((rowLine, fields)) }
            fields = []
            field = ""
            afterQuote = false
        }
        while let character = pending {
            pending = characters.next()
            if quoted {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = characters.next()
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    if character.isNewline { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty && !afterQuote: quoted = true
            case ",":
                fields.append(field)
                field = ""
                afterQuote = false
            case "\n", "\r\n", "\r":
                endRow()
                line += 1
                rowLine = line
            default: field.append(character)
            }
        }
        if quoted { throw CSVSyntaxError(line: rowLine, reason: "unterminated quoted field") }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }
}

extension String {
    /// The string with every occurrence of `target` replaced (stdlib-only helper for ``CSVField``).
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = "", rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

/// RFC 4180 fields: quoting on write, splitting (with quoted commas, quotes and line breaks) on read.
public enum CSVField {
    /// Quotes `field` when it holds a comma, quote or line break.
    public static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The rows of a CSV text; blank lines are skipped.
    /// - Throws: ``PlaylistFormatError/malformed(source:line:reason:)`` for an unterminated quote.
    public static func rows(_ text: String, source: String) throws(PlaylistFormatError) -> [[String]] {
        var rows: [[String]] = [], fields: [String] = [], field = ""
        var quoted = false, afterQuote = false, line = 1, rowLine = 1
        var characters = text.makeIterator()
        var pending: Character? = characters.next()
        while let character = pending {
            pending = characters.next()
            if quoted {
                if character == "\"" {
                    if pending == "\"" { field.append("\""); pending = characters.next() } else { quoted = false; afterQuote = true }
                } else {
                    if character.isNewline { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty && !afterQuote: quoted = true
            case ",": fields.append(field); field = ""; afterQuote = false
            case "\n", "\r\n", "\r":
                fields.append(field)
                if !(fields.count == 1 && fields[0].isEmpty) { rows.append(fields) }
                fields = []; field = ""; afterQuote = false
                line += 1
                rowLine = line
            default: field.append(character)
            }
        }
        if quoted { throw .malformed(source: source, line: rowLine, reason: "unterminated quoted field") }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            rows.append(fields)
        }
        return rows
    }
}

/// Line numbers of rows, for error messages: `rows` with the 1-based line each row starts on.
extension CSVField {
    /// Rows with the line each starts on.
    public static func numberedRows(_ text: String, source: String) throws(PlaylistFormatError) -> [(line: Int, fields: [String])] {
        var result: [(Int, [String])] = []
        var lineNumber = 0
        var buffer = ""
        var startLine = 1
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            if buffer.isEmpty { startLine = lineNumber } else { buffer.append("\n") }
            buffer.append(contentsOf: rawLine)
            // A row is complete when its quotes balance.
            if buffer.filter({ $0 == "\"" }).count % 2 == 0 {
                let parsed = try rows(buffer, source: source)
                if let fields = parsed.first { result.append((startLine, fields)) }
                buffer = ""
            }
        }
        if !buffer.isEmpty { throw .malformed(source: source, line: startLine, reason: "unterminated quoted field") }
        return result
    }
}

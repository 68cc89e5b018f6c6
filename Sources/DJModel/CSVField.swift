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

    /// The characters that make a spreadsheet read a cell as a formula (`=SUM…`, `+1`, `-1+2`,
    /// `@SUM…`) or that it treats as their equivalent at a cell's start (tab, carriage return).
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// A text cell (an artist, a title, a path) for a spreadsheet: a cell starting with a formula
    /// character gets a leading `'`, which spreadsheets read as "this is text" and do not show,
    /// then quoted as ``quote(_:)``. Numbers are written with ``quote(_:)`` (a negative number is
    /// a number). ``unneutralised(_:)`` takes the `'` off again on reading.
    public static func quoteText(_ field: String) -> String {
        quote(field.first.map { formulaStarts.contains($0) } == true ? "'" + field : field)
    }

    /// A text cell as written before ``quoteText(_:)`` neutralised it.
    public static func unneutralised(_ field: String) -> String {
        guard field.hasPrefix("'"), let second = field.dropFirst().first, formulaStarts.contains(second) else { return field }
        return String(field.dropFirst())
    }

    /// The rows of `text` with the 1-based line each starts on; blank lines are skipped.
    /// - Throws: ``CSVSyntaxError`` for an unterminated quoted field.
    /// - Complexity: O(bytes).
    public static func rows(_ text: String) throws(CSVSyntaxError) -> [(line: Int, fields: [String])] {
        var rows: [(line: Int, fields: [String])] = []
        try forEachRow(text) { line, fields in
            rows.append((line, fields))
            return true
        }
        return rows
    }

    /// Calls `body` with each row of `text` and the 1-based line it starts on, without holding
    /// the rows (a multi-million-row file is parsed in constant memory beyond the text); blank
    /// lines are skipped; `body` returns false to stop. Works on the UTF-8 bytes: the separators
    /// (`,`, `"`, CR, LF) are ASCII, so field bytes are copied whole and decoded once.
    /// - Throws: ``CSVSyntaxError`` for an unterminated quoted field.
    /// - Complexity: O(bytes).
    public static func forEachRow(_ text: String, _ body: (_ line: Int, _ fields: [String]) -> Bool) throws(CSVSyntaxError) {
        var unterminatedAt: Int?
        let scan = { (bytes: UnsafeBufferPointer<UInt8>) in
            var fields: [String] = [], field: [UInt8] = []
            var quoted = false, afterQuote = false, line = 1, rowLine = 1, index = 0
            let count = bytes.count
            func endField() {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            }
            /// Ends the row; false when `body` asked to stop.
            func endRow() -> Bool {
                endField()
                afterQuote = false
                defer { fields.removeAll(keepingCapacity: true) }
                if fields.count == 1 && fields[0].isEmpty { return true }
                return body(rowLine, fields)
            }
            while index < count {
                let byte = bytes[index]
                index += 1
                if quoted {
                    if byte == UInt8(ascii: "\"") {
                        if index < count && bytes[index] == UInt8(ascii: "\"") {
                            field.append(byte)
                            index += 1
                        } else {
                            quoted = false
                            afterQuote = true
                        }
                    } else {
                        if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && !(index < count && bytes[index] == UInt8(ascii: "\n"))) { line += 1 }
                        field.append(byte)
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\"") where field.isEmpty && !afterQuote: quoted = true
                case UInt8(ascii: ","):
                    endField()
                    afterQuote = false
                case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                    if byte == UInt8(ascii: "\r") && index < count && bytes[index] == UInt8(ascii: "\n") { index += 1 }
                    guard endRow() else { return }
                    line += 1
                    rowLine = line
                default: field.append(byte)
                }
            }
            if quoted { unterminatedAt = rowLine; return }
            if !field.isEmpty || !fields.isEmpty { _ = endRow() }
        }
        if text.utf8.withContiguousStorageIfAvailable(scan) == nil {
            Array(text.utf8).withUnsafeBufferPointer(scan)
        }
        if let unterminatedAt { throw CSVSyntaxError(line: unterminatedAt, reason: "unterminated quoted field") }
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

/// The one byte range a `Range: bytes=…` header asks for (RFC 9110 §14.1.2), resolved against a
/// file's size: `bytes=100-199`, `bytes=100-` (to the end) or `bytes=-500` (the last 500 bytes).
struct ByteRange: Sendable, Hashable {
    /// First byte, inclusive.
    let start: Int64
    /// Last byte, inclusive.
    let end: Int64

    /// How many bytes the range holds.
    var length: Int64 { end - start + 1 }

    /// What a `Range` header means for a file of `size` bytes.
    enum Request: Sendable, Hashable {
        /// No header, another unit, several ranges or a malformed one: the whole file (a server may
        /// ignore a Range it does not serve).
        case whole
        /// One range inside the file.
        case range(ByteRange)
        /// A range that starts past the end (416).
        case unsatisfiable
    }

    /// The request `header` (nil when absent) makes of a file of `size` bytes.
    static func parse(_ header: String?, size: Int64) -> Request {
        guard let header, header.hasPrefix("bytes=") else { return .whole }
        let spec = header.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .whole }
        let first = spec[..<dash], last = spec[spec.index(after: dash)...]
        // Digits only on either side (`bytes=--5` or `bytes=+1-2` is malformed: ignored, RFC 9110 §14.2).
        guard first.allSatisfy(\.isASCIIDigit), last.allSatisfy(\.isASCIIDigit), !(first.isEmpty && last.isEmpty) else { return .whole }
        if first.isEmpty {
            guard let suffix = Int64(last) else { return .whole }
            guard suffix > 0 else { return .unsatisfiable }
            guard size > 0 else { return .unsatisfiable }
            return .range(ByteRange(start: max(0, size - suffix), end: size - 1))
        }
        guard let start = Int64(first), start >= 0 else { return .whole }
        let end: Int64
        if last.isEmpty { end = size - 1 } else {
            guard let value = Int64(last), value >= start else { return .whole }
            end = min(value, size - 1)
        }
        guard start < size else { return .unsatisfiable }
        return .range(ByteRange(start: start, end: end))
    }
}

extension Character {
    /// Whether this is one of the ASCII digits 0–9.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

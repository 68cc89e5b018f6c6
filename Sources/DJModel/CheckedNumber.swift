/// Numbers that cross a trust boundary (a request, an upload, a file, a stored document) are
/// checked finite and in range before anything converts them to an integer: Swift traps on
/// `Int(1e300)`, `Int(Double.nan)` and `Int(Double.infinity)`, which would end the whole server.
public enum CheckedNumber {
    /// `value` when it is finite and inside `range`.
    /// - Parameters:
    ///   - field: the name of the field, as its owner names it (`bpm`, `tracks[3].duration`).
    ///   - unit: a unit to print after the bounds (`s`, `BPM`), or empty.
    /// - Throws: ``InvalidParameter`` naming the field and the range for NaN, ±infinity or a
    ///   number outside it.
    public static func finite(_ value: Double, _ field: String, in range: ClosedRange<Double>, unit: String = "") throws(InvalidParameter) -> Double {
        guard value.isFinite, range.contains(value) else {
            let shown = value.isNaN ? "NaN" : value.isInfinite ? (value < 0 ? "-infinity" : "infinity") : "\(value)"
            throw InvalidParameter(field, "must be a finite number in \(describe(range))\(unit.isEmpty ? "" : " " + unit), got \(shown.prefix(40))")
        }
        return value
    }

    /// `range` as people write it (`0…86400`), whole bounds without a decimal point.
    static func describe(_ range: ClosedRange<Double>) -> String {
        func text(_ bound: Double) -> String {
            bound.rounded() == bound && abs(bound) < 1e15 ? String(Int64(saturating: bound)) : "\(bound)"
        }
        return "\(text(range.lowerBound))…\(text(range.upperBound))"
    }
}

extension KeyedDecodingContainer {
    /// The number under `key`, refused unless finite and inside `range` (so that a stored or
    /// uploaded document can never hand a later conversion a number that traps).
    /// - Throws: `DecodingError.dataCorrupted` at the field, whose description says the range.
    public func decodeNumber(_ key: Key, in range: ClosedRange<Double>) throws -> Double {
        let value = try decode(Double.self, forKey: key)
        do { return try CheckedNumber.finite(value, key.stringValue, in: range) } catch {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: error.reason)
        }
    }

    /// The number under `key` when present and not null, checked as ``decodeNumber(_:in:)``.
    public func decodeNumberIfPresent(_ key: Key, in range: ClosedRange<Double>) throws -> Double? {
        guard try decodeIfPresent(Double.self, forKey: key) != nil else { return nil }
        return try decodeNumber(key, in: range)
    }

    /// The whole number under `key`, refused unless inside `range`.
    public func decodeInteger(_ key: Key, in range: ClosedRange<Int>) throws -> Int {
        let value = try decode(Int.self, forKey: key)
        guard range.contains(value) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "must be a whole number in \(range.lowerBound)…\(range.upperBound), got \(value)")
        }
        return value
    }
}

/// The ranges a set document's numbers must lie in.
public enum DocumentLimits {
    /// Seconds in a file or a set: 0…1 000 000 (over eleven days).
    public static let seconds: ClosedRange<Double> = 0...1_000_000
    /// Signed seconds (an offset that may precede the file's start).
    public static let signedSeconds: ClosedRange<Double> = -1_000_000...1_000_000
    /// Tempo, BPM (0 = unknown).
    public static let bpm: ClosedRange<Double> = 0...1000
    /// A score or score part.
    public static let score: ClosedRange<Double> = -1_000...1_000
    /// Minutes asked or planned.
    public static let minutes: ClosedRange<Double> = 0...100_000
}

extension FixedWidthInteger {
    /// The integer nearest `value` inside this type's range, rounded toward zero like `init(_:)`:
    /// NaN gives zero and numbers beyond the range give its bound. For values computed inside the
    /// program, where a bad number must not trap; numbers from outside are checked first with
    /// ``CheckedNumber/finite(_:_:in:unit:)`` and refused with a message instead.
    @inlinable
    public init<F: BinaryFloatingPoint>(saturating value: F) {
        if value.isNaN {
            self = 0
        } else if let exact = Self(exactly: value.rounded(.towardZero)) {
            self = exact
        } else {
            self = value < 0 ? Self.min : Self.max
        }
    }
}

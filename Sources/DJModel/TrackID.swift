/// The stable identifier of a track in a Segue library (the SQLite row id).
public struct TrackID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The raw row id.
    public let rawValue: Int64

    /// Wraps a raw row id.
    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    public static func < (lhs: TrackID, rhs: TrackID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { String(rawValue) }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

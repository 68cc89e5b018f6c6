/// Narrows a library search by analysis values and tags; every field is optional.
public struct TrackFilter: Sendable, Hashable {
    /// Lowest and highest tempo, BPM (inclusive).
    public var minBPM: Double?, maxBPM: Double?
    /// Keys allowed (any of them); empty allows every key.
    public var keys: [MusicalKey]
    /// Lowest and highest energy, 1–10 (inclusive).
    public var minEnergy: Int?, maxEnergy: Int?
    /// Text the genre must contain (case-insensitive).
    public var genre: String?

    /// Creates a filter.
    public init(minBPM: Double? = nil, maxBPM: Double? = nil, keys: [MusicalKey] = [], minEnergy: Int? = nil, maxEnergy: Int? = nil,
                genre: String? = nil) {
        self.minBPM = minBPM
        self.maxBPM = maxBPM
        self.keys = keys
        self.minEnergy = minEnergy
        self.maxEnergy = maxEnergy
        self.genre = genre
    }

    /// No filtering.
    public static let none = TrackFilter()
}

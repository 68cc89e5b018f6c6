/// What a streaming service says about a track (Spotify's audio features, from a playlist export),
/// kept beside Segue's own analysis and never used in its place.
public struct ServiceFeatures: Sendable, Hashable, Codable {
    /// The service, e.g. `spotify`.
    public var service: String
    /// The track's id at the service (Spotify: the 22-character id of `spotify:track:ID`).
    public var externalId: String
    /// The service's tempo, BPM.
    public var bpm: Double?
    /// The service's key.
    public var key: MusicalKey?
    /// The service's energy, 0…1.
    public var energy: Double?
    /// The service's loudness, dB.
    public var loudness: Double?

    /// Creates features.
    public init(service: String, externalId: String, bpm: Double? = nil, key: MusicalKey? = nil, energy: Double? = nil, loudness: Double? = nil) {
        self.service = service
        self.externalId = externalId
        self.bpm = bpm
        self.key = key
        self.energy = energy
        self.loudness = loudness
    }

    private enum CodingKeys: String, CodingKey { case service, externalId, bpm, key, camelot, energy, loudness }

    /// Reads features; the key from `key` (a name, Camelot or Open Key code).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        service = try container.decode(String.self, forKey: .service)
        externalId = try container.decode(String.self, forKey: .externalId)
        bpm = try container.decodeIfPresent(Double.self, forKey: .bpm)
        key = try container.decodeIfPresent(String.self, forKey: .key).flatMap(MusicalKey.init(parsing:))
        energy = try container.decodeIfPresent(Double.self, forKey: .energy)
        loudness = try container.decodeIfPresent(Double.self, forKey: .loudness)
    }

    /// Writes the features with the key as its name and its Camelot code.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(service, forKey: .service)
        try container.encode(externalId, forKey: .externalId)
        try container.encodeIfPresent(bpm, forKey: .bpm)
        try container.encodeIfPresent(key?.name, forKey: .key)
        try container.encodeIfPresent(key?.camelot, forKey: .camelot)
        try container.encodeIfPresent(energy, forKey: .energy)
        try container.encodeIfPresent(loudness, forKey: .loudness)
    }
}

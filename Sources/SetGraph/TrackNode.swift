import DJModel

/// What the planner knows of one track: tempo, key, energy, artist, length and its vectors.
public struct TrackNode: Sendable, Hashable, Identifiable {
    /// Library id.
    public var id: TrackID
    /// Artist (for spacing rules), compared case-insensitively.
    public var artist: String
    /// Duration in seconds.
    public var duration: Double
    /// Tempo in BPM.
    public var bpm: Double
    /// Musical key.
    public var key: MusicalKey
    /// Energy 1–10.
    public var energy: Int
    /// ALS item factors, L2-normalised; `nil` when the track is in no tracklist.
    public var alsVector: [Float]?
    /// Content vector (standardised timbre), L2-normalised.
    public var contentVector: [Float]
    /// Album or label (for spacing rules), compared case-insensitively; empty when unknown.
    public var album: String

    /// Creates a node; vectors are normalised here.
    public init(id: TrackID, artist: String, duration: Double, bpm: Double, key: MusicalKey, energy: Int,
                alsVector: [Float]?, contentVector: [Float], album: String = "") {
        self.album = album.lowercased()
        self.id = id
        self.artist = artist.lowercased()
        self.duration = duration
        self.bpm = bpm
        self.key = key
        self.energy = energy
        self.alsVector = alsVector.map(Self.normalized)
        self.contentVector = Self.normalized(contentVector)
    }

    static func normalized(_ vector: [Float]) -> [Float] {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? vector.map { $0 / norm } : vector
    }
}

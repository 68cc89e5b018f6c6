import DJModel
import SegueMath

/// What the planner knows of one track: tempo, key, energy, artist, length, mix cues and its vectors.
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
    /// Seconds into the track where it starts playing in a set (its music start; 0 when unknown).
    public var cueIn: Double
    /// Seconds into the track where the next one comes in (the start of its outro), `nil` when
    /// unknown: the planners then start the next track the rules' overlap before this one ends.
    public var cueOut: Double?

    /// Seconds the track fills between its neighbours in a bridge: from where it comes in to
    /// where the next comes in (its whole length when its cues are unknown).
    public var bridgeSeconds: Double { (cueOut ?? duration) - cueIn }

    /// Creates a node; vectors are normalised here.
    public init(id: TrackID, artist: String, duration: Double, bpm: Double, key: MusicalKey, energy: Int,
                alsVector: [Float]?, contentVector: [Float], album: String = "", cueIn: Double = 0, cueOut: Double? = nil) {
        self.album = album.lowercased()
        let start = min(max(0, cueIn), duration)
        self.cueIn = start
        self.cueOut = cueOut.map { min(max($0, start), duration) }
        self.id = id
        self.artist = artist.lowercased()
        self.duration = duration
        self.bpm = bpm
        self.key = key
        self.energy = energy
        self.alsVector = alsVector.map(VectorMath.normalized)
        self.contentVector = VectorMath.normalized(contentVector)
    }
}

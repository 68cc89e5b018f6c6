import AudioIO

/// One track as the renderer plays it: its file and its beat grid.
public struct MixTrack: Hashable, Sendable {
    /// The audio file.
    public var path: String
    /// "Artist – Title", for messages and reports.
    public var name: String
    /// Tempo, BPM (the grid's).
    public var bpm: Double
    /// The first downbeat, seconds into the file.
    public var firstBeat: Double
    /// Length of the file, seconds.
    public var duration: Double
    /// What the library recorded about the file, when the track is a library track's: the
    /// renderer then reads only that file (no link in its place, no other content).
    public var scanned: ScannedFile?

    /// Creates a track.
    public init(path: String, name: String, bpm: Double, firstBeat: Double, duration: Double, scanned: ScannedFile? = nil) {
        self.scanned = scanned
        self.path = path
        self.name = name
        self.bpm = bpm
        self.firstBeat = firstBeat
        self.duration = duration
    }

    /// Seconds per beat.
    public var beatPeriod: Double { 60 / bpm }
}

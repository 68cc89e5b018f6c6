/// A named point in a track for the DJ's software: where to load it, where it comes in and goes
/// out in the set, where it drops.
public struct TrackCue: Hashable, Sendable, Codable {
    /// A short name a DJ reads on the deck, e.g. `Mix in`.
    public var name: String
    /// What the point is for.
    public var kind: CueKind
    /// Seconds from the start of the file.
    public var time: Double

    private enum CodingKeys: String, CodingKey { case name, kind, time }

    /// Reads a cue, refusing a time that is not finite or outside the file's possible length.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        kind = try container.decode(CueKind.self, forKey: .kind)
        time = try container.decodeNumber(.time, in: DocumentLimits.seconds)
    }

    /// Creates a cue.
    public init(name: String, kind: CueKind, time: Double) {
        self.name = name
        self.kind = kind
        self.time = time
    }
}

/// The kinds of cue Segue writes, as DJ software distinguishes them.
public enum CueKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Where the track sits when loaded: its first downbeat.
    case load
    /// Where the track starts playing in the set (under the previous track).
    case mixIn = "mix-in"
    /// Where the next track comes in.
    case mixOut = "mix-out"
    /// The start of the first main part (the drop): a hot cue for jumping in.
    case drop
}

/// An ordered set of tracks with its transitions: the JSON set document the README describes
/// under "The set document".
public struct DJSet: Hashable, Sendable, Codable {
    /// A set grown from a seed, or a bridge between two tracks.
    public enum Kind: String, Sendable, Codable {
        case set, bridge
    }

    /// One track of the set, as written in the set document.
    public struct Entry: Hashable, Sendable, Codable {
        /// Library id.
        public var id: TrackID
        /// File path (empty for catalogue-only tracks).
        public var path: String
        /// Artist.
        public var artist: String
        /// Title.
        public var title: String
        /// Duration in seconds.
        public var duration: Double
        /// Tempo in BPM.
        public var bpm: Double
        /// Musical key, `nil` when unknown. The document writes it twice, as `key` (its name,
        /// e.g. `A minor`) and `camelot` (e.g. `8A`); reading takes whichever parses.
        public var key: MusicalKey?
        /// Energy 1–10.
        public var energy: Int
        /// Start time in the set, in seconds.
        public var start: Double
        /// Album, when the library knows it (optional in the document).
        public var album: String?
        /// Genre, when the library knows it (optional in the document).
        public var genre: String?
        /// Time of the first downbeat in the file, seconds: with `bpm`, the constant beat grid
        /// DJ software stores (optional in the document).
        public var firstBeat: Double?
        /// Time of the track's first downbeat (bar 1), seconds into the file: a beat of the grid
        /// that `firstBeat` and `bpm` define (optional in the document; absent when the bars are
        /// unknown). Exports put their bar lines here.
        public var downbeat: Double?
        /// Named points in the file for the DJ's software (load, mix in, mix out, drop), in
        /// time order; absent in documents written before cues existed.
        public var cues: [TrackCue]?
        /// Whether the DJ pinned the track where it is: a re-plan keeps it at its position
        /// (written only when true).
        public var pinned: Bool?

        /// The Camelot code of the key, e.g. `8A` (empty when unknown).
        public var camelot: String { key?.camelot ?? "" }

        /// Creates an entry.
        public init(id: TrackID, path: String, artist: String, title: String, duration: Double, bpm: Double,
                    key: MusicalKey?, energy: Int, start: Double, album: String? = nil, genre: String? = nil,
                    firstBeat: Double? = nil, cues: [TrackCue]? = nil, downbeat: Double? = nil) {
            self.downbeat = downbeat
            self.cues = cues
            self.album = album
            self.genre = genre
            self.firstBeat = firstBeat
            self.id = id
            self.path = path
            self.artist = artist
            self.title = title
            self.duration = duration
            self.bpm = bpm
            self.key = key
            self.energy = energy
            self.start = start
        }

        private enum CodingKeys: String, CodingKey {
            case id, path, artist, title, duration, bpm, key, camelot, energy, start, album, genre, firstBeat, downbeat, cues, pinned
        }

        /// Reads an entry; the key from `key` or, failing that, `camelot` (either may be absent or unknown).
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(TrackID.self, forKey: .id)
            path = try container.decode(String.self, forKey: .path)
            artist = try container.decode(String.self, forKey: .artist)
            title = try container.decode(String.self, forKey: .title)
            duration = try container.decodeNumber(.duration, in: DocumentLimits.seconds)
            bpm = try container.decodeNumber(.bpm, in: DocumentLimits.bpm)
            key = try container.decodeIfPresent(String.self, forKey: .key).flatMap(MusicalKey.init(parsing:))
                ?? container.decodeIfPresent(String.self, forKey: .camelot).flatMap(MusicalKey.init(parsing:))
            energy = try container.decodeInteger(.energy, in: 0...10)
            start = try container.decodeNumber(.start, in: DocumentLimits.seconds)
            album = try container.decodeIfPresent(String.self, forKey: .album)
            genre = try container.decodeIfPresent(String.self, forKey: .genre)
            firstBeat = try container.decodeNumberIfPresent(.firstBeat, in: DocumentLimits.signedSeconds)
            downbeat = try container.decodeNumberIfPresent(.downbeat, in: DocumentLimits.signedSeconds)
            cues = try container.decodeIfPresent([TrackCue].self, forKey: .cues)
            pinned = try container.decodeIfPresent(Bool.self, forKey: .pinned)
        }

        /// Writes the entry with its key as `key` (name) and `camelot`, both empty when unknown.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(path, forKey: .path)
            try container.encode(artist, forKey: .artist)
            try container.encode(title, forKey: .title)
            try container.encode(duration, forKey: .duration)
            try container.encode(bpm, forKey: .bpm)
            try container.encode(key?.name ?? "", forKey: .key)
            try container.encode(camelot, forKey: .camelot)
            try container.encode(energy, forKey: .energy)
            try container.encode(start, forKey: .start)
            try container.encodeIfPresent(album, forKey: .album)
            try container.encodeIfPresent(genre, forKey: .genre)
            try container.encodeIfPresent(firstBeat, forKey: .firstBeat)
            try container.encodeIfPresent(downbeat, forKey: .downbeat)
            try container.encodeIfPresent(cues, forKey: .cues)
            if pinned == true { try container.encode(true, forKey: .pinned) }
        }
    }

    /// The id under which the library keeps the set (API answers; absent in files).
    public var id: String?
    /// The name the DJ saved it under (absent until it is named).
    public var name: String?
    /// Why the set differs from the request, when it does (e.g. shorter than asked because no
    /// longer set fits the rules), in words a DJ can act on.
    public var note: String?
    /// The playing time planned for, minutes (planned sets and bridges; absent in files).
    public var targetMinutes: Double?
    /// The playing time the request asked for, minutes, when the answer was planned for another
    /// (a bridge of the nearest length that exists; ``note`` says why).
    public var requestedMinutes: Double?
    /// The energy arc the set was planned for, as `[position 0…1, energy]` pairs (sets only):
    /// for plots, and to measure the set again after a track is replaced.
    public var energyTargets: [[Double]]?
    /// `set` or `bridge`.
    public var kind: Kind
    /// The seed query or track (for a bridge: the first track).
    public var seed: String
    /// Total duration in seconds.
    public var duration: Double
    /// The tracks in play order.
    public var tracks: [Entry]
    /// The transitions between consecutive tracks.
    public var transitions: [Transition]
    /// How well it flows (absent in documents written before it existed).
    public var quality: Quality?
    /// Other good sets for the same request, each really different (when asked for).
    public var alternatives: [DJSet]?

    private enum CodingKeys: String, CodingKey {
        case id, name, note, targetMinutes, requestedMinutes, energyTargets, kind, seed, duration, tracks, transitions, quality, alternatives
    }

    /// Reads a set document, refusing numbers that are not finite or outside their range
    /// (``DocumentLimits``) before anything can convert them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        targetMinutes = try container.decodeNumberIfPresent(.targetMinutes, in: DocumentLimits.minutes)
        requestedMinutes = try container.decodeNumberIfPresent(.requestedMinutes, in: DocumentLimits.minutes)
        energyTargets = try container.decodeIfPresent([[Double]].self, forKey: .energyTargets)
        if let targets = energyTargets, targets.contains(where: { $0.contains { !$0.isFinite || abs($0) > 1000 } }) {
            throw DecodingError.dataCorruptedError(forKey: .energyTargets, in: container, debugDescription: "must hold finite numbers in -1000…1000")
        }
        kind = try container.decode(Kind.self, forKey: .kind)
        seed = try container.decode(String.self, forKey: .seed)
        duration = try container.decodeNumber(.duration, in: DocumentLimits.seconds)
        tracks = try container.decode([Entry].self, forKey: .tracks)
        transitions = try container.decode([Transition].self, forKey: .transitions)
        quality = try container.decodeIfPresent(Quality.self, forKey: .quality)
        alternatives = try container.decodeIfPresent([DJSet].self, forKey: .alternatives)
    }

    /// Creates a set document.
    public init(kind: Kind, seed: String, duration: Double, tracks: [Entry], transitions: [Transition], quality: Quality? = nil) {
        self.quality = quality
        self.kind = kind
        self.seed = seed
        self.duration = duration
        self.tracks = tracks
        self.transitions = transitions
    }
}

extension DJSet.Entry {
    /// The place (1–4) in Segue's 4/4 bar of the grid beat at `firstBeat`: 1 when it is a
    /// downbeat, or when the bars are unknown. What rekordbox calls the beat's `Battito`.
    public var barPositionOfFirstBeat: Int {
        guard let downbeat, let firstBeat, bpm > 0, downbeat.isFinite, firstBeat.isFinite else { return 1 }
        let beats = Int(saturating: ((firstBeat - downbeat) * bpm / 60).rounded())
        return ((beats % 4) + 4) % 4 + 1
    }

    /// The first downbeat at or after the file's start, seconds: bar 1 moved back by whole bars
    /// (DJ software counts bars from its grid marker). `firstBeat` (or 0) when the bars are unknown.
    public var firstBarLine: Double {
        guard let downbeat, bpm > 0, downbeat.isFinite else { return max(0, firstBeat ?? 0) }
        let bar = 240 / bpm
        return max(0, downbeat - (downbeat / bar).rounded(.down) * bar)
    }
}

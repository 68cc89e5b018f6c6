import Dispatch
import SetGraph

/// A request for a set grown from a seed (`segue set`, `POST /sets`).
public struct SetRequest: Sendable, Hashable, Codable {
    /// Track id, path or `artist - title`.
    public var seed: String
    /// Target length in minutes (1…600).
    public var minutes: Double
    /// Energy shape (default flat): a preset name or a custom curve of points.
    public var energy: EnergyCurve?
    /// Beam width (1…10 000; default 64).
    public var beamWidth: Int?
    /// The rules of the set (defaults when absent).
    public var rules: PlanRules?
    /// Tracks pinned at set positions: position (1 = right after the seed) → track id, path or
    /// `artist - title`.
    public var pins: [Int: String]?
    /// How many sets to return (1…10; default 1): the best and then distinct alternatives.
    public var alternatives: Int?

    /// Creates a request.
    public init(seed: String, minutes: Double, energy: EnergyCurve? = nil, beamWidth: Int? = nil, rules: PlanRules? = nil,
                pins: [Int: String]? = nil, alternatives: Int? = nil) {
        self.alternatives = alternatives
        self.seed = seed
        self.minutes = minutes
        self.energy = energy
        self.beamWidth = beamWidth
        self.rules = rules
        self.pins = pins
    }

    private enum CodingKeys: String, CodingKey { case seed, minutes, energy, beamWidth, rules, pins, alternatives }

    /// Decodes a request; `seed` and the pins' tracks may be strings or integer ids.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seed = try container.decodeTrackReference(forKey: .seed)
        minutes = try container.decode(Double.self, forKey: .minutes)
        energy = try container.decodeIfPresent(EnergyCurve.self, forKey: .energy)
        beamWidth = try container.decodeIfPresent(Int.self, forKey: .beamWidth)
        rules = try container.decodeIfPresent(PlanRules.self, forKey: .rules)
        pins = try container.decodeIfPresent([Int: TrackReference].self, forKey: .pins)?.mapValues(\.text)
        alternatives = try container.decodeIfPresent(Int.self, forKey: .alternatives)
    }
}

/// A request for a bridge between two tracks (`segue bridge`, `POST /bridges`).
public struct BridgeRequest: Sendable, Hashable, Codable {
    /// The first track (id, path or `artist - title`).
    public var from: String
    /// The last track.
    public var to: String
    /// Minutes of music between them (1…600).
    public var minutes: Double
    /// Allowed deviation in minutes (0…60; default 2.5).
    public var toleranceMinutes: Double?
    /// The rules of the bridge (defaults when absent).
    public var rules: PlanRules?
    /// How many bridges to return (1…10; default 1): the cheapest and then distinct alternatives.
    public var alternatives: Int?

    /// Creates a request.
    public init(from: String, to: String, minutes: Double, toleranceMinutes: Double? = nil, rules: PlanRules? = nil,
                alternatives: Int? = nil) {
        self.alternatives = alternatives
        self.from = from
        self.to = to
        self.minutes = minutes
        self.toleranceMinutes = toleranceMinutes
        self.rules = rules
    }

    private enum CodingKeys: String, CodingKey { case from, to, minutes, toleranceMinutes, rules, alternatives }

    /// Decodes a request; `from` and `to` may be strings or integer ids.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        from = try container.decodeTrackReference(forKey: .from)
        to = try container.decodeTrackReference(forKey: .to)
        minutes = try container.decode(Double.self, forKey: .minutes)
        toleranceMinutes = try container.decodeIfPresent(Double.self, forKey: .toleranceMinutes)
        rules = try container.decodeIfPresent(PlanRules.self, forKey: .rules)
        alternatives = try container.decodeIfPresent(Int.self, forKey: .alternatives)
    }
}

/// The rules of a set or bridge; every field is optional and defaults as ``SetConstraints`` does.
public struct PlanRules: Sendable, Hashable, Codable {
    /// Allowed key moves: `any` (default), `strict`, `mixxx`, `energy-boost`.
    public var keyRule: KeyMoveRule?
    /// Whether the DJ plays with key lock (default true); without it, tempo changes shift keys.
    public var keyLock: Bool?
    /// Whether half/double-time transitions are allowed (default true).
    public var halfDoubleTime: Bool?
    /// Largest tempo change per transition, percent (default 8).
    public var maxStepPercent: Double?
    /// Largest tempo distance from the seed, percent (default 10).
    public var maxDriftPercent: Double?
    /// No artist twice within this many tracks (default 3; 0 disables).
    public var artistSpacing: Int?
    /// No album (label) twice within this many tracks (default 0: off).
    public var albumSpacing: Int?
    /// Tracks never to play: ids, paths or `artist - title`.
    public var exclude: [String]?
    /// Tracks whose genre, album/label or comment contains any of these words are not played.
    public var excludeTags: [String]?
    /// When given, only tracks whose genre, album/label or comment contains one of these words
    /// are played (besides the seed, pins and a bridge's ends).
    public var includeTags: [String]?

    /// Creates rules.
    public init(keyRule: KeyMoveRule? = nil, keyLock: Bool? = nil, halfDoubleTime: Bool? = nil, maxStepPercent: Double? = nil,
                maxDriftPercent: Double? = nil, artistSpacing: Int? = nil, albumSpacing: Int? = nil, exclude: [String]? = nil,
                excludeTags: [String]? = nil, includeTags: [String]? = nil) {
        self.keyRule = keyRule
        self.keyLock = keyLock
        self.halfDoubleTime = halfDoubleTime
        self.maxStepPercent = maxStepPercent
        self.maxDriftPercent = maxDriftPercent
        self.artistSpacing = artistSpacing
        self.albumSpacing = albumSpacing
        self.exclude = exclude
        self.excludeTags = excludeTags
        self.includeTags = includeTags
    }

    private enum CodingKeys: String, CodingKey {
        case keyRule, keyLock, halfDoubleTime, maxStepPercent, maxDriftPercent, artistSpacing, albumSpacing, exclude, excludeTags, includeTags
    }

    /// Decodes rules; the tracks in `exclude` may be strings or integer ids.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        keyRule = try container.decodeIfPresent(KeyMoveRule.self, forKey: .keyRule)
        keyLock = try container.decodeIfPresent(Bool.self, forKey: .keyLock)
        halfDoubleTime = try container.decodeIfPresent(Bool.self, forKey: .halfDoubleTime)
        maxStepPercent = try container.decodeIfPresent(Double.self, forKey: .maxStepPercent)
        maxDriftPercent = try container.decodeIfPresent(Double.self, forKey: .maxDriftPercent)
        artistSpacing = try container.decodeIfPresent(Int.self, forKey: .artistSpacing)
        albumSpacing = try container.decodeIfPresent(Int.self, forKey: .albumSpacing)
        exclude = try container.decodeTrackReferencesIfPresent(forKey: .exclude)
        excludeTags = try container.decodeIfPresent([String].self, forKey: .excludeTags)
        includeTags = try container.decodeIfPresent([String].self, forKey: .includeTags)
    }
}

/// Bounds shared by set and bridge requests.
public enum PlanLimits {
    /// The set or bridge lengths a request may ask for.
    public static let minutes = 1.0...600.0
    /// Most entries in `rules.exclude`.
    public static let maxExcluded = 200
    /// Most words in `rules.excludeTags` and in `rules.includeTags`, each.
    public static let maxTags = 50
    /// Most pinned tracks.
    public static let maxPins = 100
    /// Seconds a search may run before it answers with the best it has.
    public static let timeBudget = 5.0

    /// The deadline of a search starting now, in uptime nanoseconds.
    public static func deadline() -> UInt64 { DispatchTime.now().uptimeNanoseconds + UInt64(saturating: timeBudget * 1e9) }

    static func checkAlternatives(_ count: Int?) throws(SegueError) -> Int {
        let count = count ?? 1
        guard (1...10).contains(count) else { throw SegueError(.invalidInput, "alternatives must be 1…10, got \(count)") }
        return count
    }

    /// Refuses a request whose lists are longer than the limits above.
    static func checkSizes(rules: PlanRules?, pins: Int = 0) throws(SegueError) {
        if let count = rules?.exclude?.count, count > maxExcluded {
            throw SegueError(.invalidInput, "rules.exclude may name at most \(maxExcluded) tracks, got \(count)")
        }
        for (name, list) in [("excludeTags", rules?.excludeTags), ("includeTags", rules?.includeTags)] {
            if let count = list?.count, count > maxTags { throw SegueError(.invalidInput, "rules.\(name) may have at most \(maxTags) words, got \(count)") }
        }
        guard pins <= maxPins else { throw SegueError(.invalidInput, "pins may name at most \(maxPins) tracks, got \(pins)") }
    }

    /// Refuses to go on once `deadline` (uptime nanoseconds) has passed while resolving a request.
    static func checkDeadline(_ deadline: UInt64, doing what: String) throws(SegueError) {
        guard DispatchTime.now().uptimeNanoseconds <= deadline else {
            throw SegueError(.invalidInput, "\(what) took longer than the \(Int(saturating: timeBudget)) s budget of a request; name tracks by id")
        }
    }

    static func checkMinutes(_ minutes: Double) throws(SegueError) {
        guard minutes.isFinite, minutes > 0 else { throw SegueError(.invalidInput, "minutes must be a positive number, got \(minutes)") }
        guard PlanLimits.minutes.contains(minutes) else {
            throw SegueError(.invalidInput, "minutes must be between 1 and 600, got \(minutes)")
        }
    }
}

/// What the self-check before a beat-matched overlap measured from the audio, and what was done
/// about it: whether the two decks' beats coincide once both are on the overlap's beat grid.
public struct BeatAlignment: Hashable, Sendable, Codable {
    /// What was done.
    public enum Action: String, Hashable, Sendable, Codable {
        /// The beats coincide within ``BeatAlignment/tolerance``: mixed as planned.
        case aligned
        /// The measurement could not tell where the beats fall: the overlap became a technique
        /// that needs no aligned beats (``BeatAlignment/fallback``).
        case unverified
    }

    /// How far the incoming deck's onsets fell after the outgoing deck's where they correlate
    /// best, milliseconds at the incoming track's tempo (negative: before).
    public var lagMilliseconds: Double
    /// How clearly the onsets of the two decks line up at that lag, 0…1 (a correlation).
    public var strength: Double
    /// What was done.
    public var action: Action
    /// The technique played instead, when the check could not verify the beats.
    public var fallback: MixTechnique?

    /// Largest lag between two decks' beats that a listener does not hear as flamming, ms.
    public static let tolerance = 25.0

    /// A measurement and its consequence.
    public init(lagMilliseconds: Double, strength: Double, action: Action, fallback: MixTechnique? = nil) {
        self.lagMilliseconds = lagMilliseconds
        self.strength = strength
        self.action = action
        self.fallback = fallback
    }

    private enum CodingKeys: String, CodingKey { case lagMilliseconds, strength, action, fallback }

    /// Reads an alignment, refusing numbers that are not finite or out of range.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        lagMilliseconds = try container.decodeNumber(.lagMilliseconds, in: -10_000...10_000)
        strength = try container.decodeNumber(.strength, in: -1...1)
        action = try container.decode(Action.self, forKey: .action)
        fallback = try container.decodeIfPresent(MixTechnique.self, forKey: .fallback)
    }
}

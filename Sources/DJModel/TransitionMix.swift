/// How one transition is played: where each deck is cued, how long the two overlap, how the
/// DJ moves from one to the other, and the tempo through the overlap.
public struct TransitionMix: Hashable, Sendable, Codable {
    /// Seconds into the outgoing track where the overlap starts (a phrase boundary in its outro
    /// or last main phrase).
    public var outCue: Double
    /// Seconds into the incoming track where it starts playing (its intro's start or a phrase).
    public var inCue: Double
    /// Length of the overlap in beats, a multiple of 8 (0 for a cut).
    public var beats: Int
    /// How the two are mixed.
    public var technique: MixTechnique
    /// Beats into the overlap where the bass moves from the outgoing to the incoming deck, for
    /// ``MixTechnique/bassSwap``.
    public var bassSwapBeat: Int?
    /// Tempo at the start of the overlap (the outgoing track's), in BPM.
    public var tempoFrom: Double
    /// Tempo at its end (the incoming track's), in BPM.
    public var tempoTo: Double
    /// Whether both tracks had a confident beat grid and structure; otherwise the mix is a short
    /// one on the beat grid only.
    public var confident: Bool
    /// What the self-check measured from the audio before the overlap was committed to, and what
    /// was done (`nil` when it was not measured: no beat-matched overlap, or no audio at hand).
    public var alignment: BeatAlignment?

    private enum CodingKeys: String, CodingKey {
        case outCue, inCue, beats, technique, bassSwapBeat, tempoFrom, tempoTo, confident, alignment
    }

    /// Reads a mix, refusing numbers that are not finite or outside their range.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        outCue = try container.decodeNumber(.outCue, in: DocumentLimits.seconds)
        inCue = try container.decodeNumber(.inCue, in: DocumentLimits.seconds)
        beats = try container.decodeInteger(.beats, in: 0...4096)
        technique = try container.decode(MixTechnique.self, forKey: .technique)
        bassSwapBeat = try container.decodeIfPresent(Int.self, forKey: .bassSwapBeat)
        if let beat = bassSwapBeat, !(0...4096).contains(beat) {
            throw DecodingError.dataCorruptedError(forKey: .bassSwapBeat, in: container, debugDescription: "must be a whole number in 0…4096, got \(beat)")
        }
        tempoFrom = try container.decodeNumber(.tempoFrom, in: DocumentLimits.bpm)
        tempoTo = try container.decodeNumber(.tempoTo, in: DocumentLimits.bpm)
        confident = try container.decode(Bool.self, forKey: .confident)
        alignment = try container.decodeIfPresent(BeatAlignment.self, forKey: .alignment)
    }

    /// Creates a mix.
    public init(outCue: Double, inCue: Double, beats: Int, technique: MixTechnique, bassSwapBeat: Int? = nil,
                tempoFrom: Double, tempoTo: Double, confident: Bool, alignment: BeatAlignment? = nil) {
        self.alignment = alignment
        self.outCue = outCue
        self.inCue = inCue
        self.beats = beats
        self.technique = technique
        self.bassSwapBeat = bassSwapBeat
        self.tempoFrom = tempoFrom
        self.tempoTo = tempoTo
        self.confident = confident
    }
}

/// The ways a DJ moves from one track to the next.
public enum MixTechnique: String, Hashable, Sendable, Codable, CaseIterable {
    /// Both tracks play together, faded over the overlap.
    case blend
    /// A blend with the bass lines exchanged at a phrase boundary inside the overlap, so the two
    /// never play their bass at once.
    case bassSwap = "bass-swap"
    /// The outgoing track is sent through an echo and faded out while the incoming starts.
    case echoOut = "echo-out"
    /// The incoming track starts as the outgoing stops, on a phrase boundary.
    case cut
}

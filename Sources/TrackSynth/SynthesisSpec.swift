import DJModel

/// What to synthesise: style, tempo, key, length and variations, all reproducible from `seed`.
public struct SynthesisSpec: Sendable, Hashable, Codable {
    /// The style (drum pattern, instrumentation, arrangement).
    public var style: DJStyle
    /// Tempo in BPM as a DJ counts it (dubstep 140, drum & bass 174); 40…220.
    public var bpm: Double
    /// The key the bass, chords and lead establish.
    public var key: MusicalKey
    /// Length in seconds; 1…14 400.
    public var duration: Double
    /// Seed of every random choice.
    public var seed: UInt64
    /// Output sample rate in Hz; 8 000…96 000.
    public var sampleRate: Int
    /// Level of added white noise relative to the mix (0 = none), for robustness tests.
    public var noiseLevel: Float
    /// Amount of a simple reverb (0 = dry … 1 = washed out).
    public var reverb: Float
    /// Whether the track opens and closes with a drums-only intro/outro (as DJ tools are).
    public var djIntroOutro: Bool
    /// Deviation of the tuning from A4 = 440 Hz in cents (−50…50), applied to every pitched part.
    public var tuningCents: Double

    /// Checks and stores a specification.
    public init(style: DJStyle, bpm: Double, key: MusicalKey, duration: Double, seed: UInt64, sampleRate: Int = 44100,
                noiseLevel: Float = 0, reverb: Float = 0, djIntroOutro: Bool = true, tuningCents: Double = 0) throws(SynthesisError) {
        guard (40...220).contains(bpm) else { throw .invalidParameter(InvalidParameter("tempo", "\(bpm) BPM is outside 40…220")) }
        guard (1...14_400).contains(duration) else { throw .invalidParameter(InvalidParameter("duration", "\(duration) s is outside 1…14400")) }
        guard (8000...96_000).contains(sampleRate) else { throw .invalidParameter(InvalidParameter("sample rate", "\(sampleRate) Hz is outside 8000…96000")) }
        guard (-50...50).contains(tuningCents) else { throw .invalidParameter(InvalidParameter("tuning", "\(tuningCents) cents is outside −50…50")) }
        guard (0...4).contains(noiseLevel), (0...1).contains(reverb) else { throw .invalidParameter(InvalidParameter("noise", "must be 0…4 and reverb 0…1")) }
        self.style = style
        self.bpm = bpm
        self.key = key
        self.duration = duration
        self.seed = seed
        self.sampleRate = sampleRate
        self.noiseLevel = noiseLevel
        self.reverb = reverb
        self.djIntroOutro = djIntroOutro
        self.tuningCents = tuningCents
    }
}

/// Errors of synthesis.
public enum SynthesisError: ParameterError, Sendable, Equatable, CustomStringConvertible {
    /// A parameter is outside its documented range: which one, and why.
    case invalidParameter(InvalidParameter)

    public var description: String {
        switch self {
        case .invalidParameter(let problem): return problem.description
        }
    }
}

extension SynthesisError {
    /// The parameter at fault, for an `invalidParameter` error.
    public var parameterProblem: InvalidParameter? {
        if case .invalidParameter(let problem) = self { return problem }
        return nil
    }
}

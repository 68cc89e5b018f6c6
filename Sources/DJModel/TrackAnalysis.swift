/// Everything Segue measures of one track's audio.
public struct TrackAnalysis: Hashable, Sendable, Codable {
    /// Version of the analysis code; a different version triggers re-analysis on the next scan.
    ///
    /// - 1: first release.
    /// - 2: streaming analysis (timbre gating by power buckets), tempo drift, tuning, key
    ///   changes of issue 3.
    /// - 3: key profile fades the bass register below 200 Hz (``KeyConfiguration/bassRampHz``).
    /// - 4: tempo octave from the backbeat (drum & bass at its real tempo), key profiles with
    ///   harmonics (tonics no longer a fifth up on sampled instruments and classical scores).
    /// - 5: the backbeat also read with the kick taken out of each band (downtempo with a rim on 2
    ///   and 4 no longer at double tempo).
    /// - 6: the backbeat read in the crack band (kick taken out) and the hi-hat band only, and also
    ///   at three and six beats (drum & bass under loud bass lines and chords no longer at half
    ///   tempo).
    /// - 7: the kick's bar in the octave decision (downtempo with a quiet side stick and
    ///   eighth-note shakers no longer at double tempo).
    /// - 8: bars, phrases, sections and mix points (``structure``).
    /// - 9: a loudness overview of the whole track for the page's waveform
    ///   (``TrackStructure/overview``).
    /// - 10: loudness measured on the file's own channels and rate, as BS.1770 says (it was a
    ///   mono downmix, which reads low on wide stereo); the beat grid's phase from where the
    ///   onsets are on recorded music.
    /// - 11: the key from templates learned from audio (`KeyProfile.learned` in Analysis), tonic and mode
    ///   together.
    /// - 12: sections that are not one template (builds of any length, main only with the
    ///   harmony on top, no early mix-out on a long outro); a kick on every off-beat of the grid
    ///   moves it half a beat even where the beat band leans the other way.
    public static let currentVersion = 12

    /// Duration in seconds.
    public var duration: Double
    /// Tempo and beat grid.
    public var tempo: Tempo
    /// Musical key.
    public var key: MusicalKey
    /// Confidence of the key estimate, 0–1.
    public var keyConfidence: Double
    /// Deviation of the tuning from A4 = 440 Hz, in cents (−50…50).
    public var tuningCents: Double
    /// The track's pitch-class profile (twelve weights, C first, maximum 1) the key was read
    /// from; empty when unknown.
    public var chroma: [Double]
    /// Integrated loudness in LUFS (EBU R128).
    public var loudness: Double
    /// Loudness range in LU (EBU Tech 3342).
    public var loudnessRange: Double
    /// Energy on the DJ scale 1 (ambient) to 10 (peak time).
    public var energy: Int
    /// Timbral feature vector for content similarity.
    public var features: FeatureVector
    /// Version of the feature vector's definition (`TimbreExtractor.featureVersion`); a
    /// different version triggers re-analysis on the next scan.
    public var featureVersion: Int
    /// Bars, phrases, sections and mix points; `nil` when the track is too short for four bars or
    /// was analysed before version 8.
    public var structure: TrackStructure?
    /// The analysis code version that produced this record.
    public var version: Int

    /// Creates an analysis record.
    public init(duration: Double, tempo: Tempo, key: MusicalKey, keyConfidence: Double, tuningCents: Double = 0, chroma: [Double] = [],
                loudness: Double, loudnessRange: Double, energy: Int, features: FeatureVector,
                featureVersion: Int = 1, structure: TrackStructure? = nil, version: Int = TrackAnalysis.currentVersion) {
        self.duration = duration
        self.tempo = tempo
        self.key = key
        self.keyConfidence = keyConfidence
        self.tuningCents = tuningCents
        self.chroma = chroma
        self.loudness = loudness
        self.loudnessRange = loudnessRange
        self.energy = energy
        self.features = features
        self.featureVersion = featureVersion
        self.structure = structure
        self.version = version
    }
}

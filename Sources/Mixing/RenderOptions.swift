import DJModel

/// How a set is rendered.
public struct RenderOptions: Hashable, Sendable {
    /// Output sample rate, Hz (22 050…96 000).
    public var sampleRate: Int
    /// The loudness every track is matched to, LUFS (−30…−5).
    public var loudness: Double
    /// The true-peak ceiling of the mix, dBTP.
    public var truePeakCeiling: Double
    /// Whether stretched decks keep their pitch.
    public var keyLock: Bool
    /// A folder for each transition's two decks as they sound in the mix (`NN-out.wav`,
    /// `NN-in.wav`, `NN.json`), or `nil`.
    public var stemsFolder: String?
    /// Render only this many seconds around each transition (a preview reel), or `nil` for the
    /// whole set.
    public var previewSeconds: Double?

    /// Creates options; the defaults are a full render at 44.1 kHz, −14 LUFS, −1 dBTP, key lock on.
    public init(sampleRate: Int = 44_100, loudness: Double = -14, truePeakCeiling: Double = -1, keyLock: Bool = true,
                stemsFolder: String? = nil, previewSeconds: Double? = nil) {
        self.sampleRate = sampleRate
        self.loudness = loudness
        self.truePeakCeiling = truePeakCeiling
        self.keyLock = keyLock
        self.stemsFolder = stemsFolder
        self.previewSeconds = previewSeconds
    }

    /// Checks every field against its range.
    /// - Throws: ``MixingError/invalidParameter(_:)`` naming the field.
    public func validate() throws(MixingError) {
        guard (22_050...96_000).contains(sampleRate) else {
            throw .invalidParameter(InvalidParameter("sample rate", "must be 22050…96000 Hz, got \(sampleRate)"))
        }
        guard (-30.0...(-5.0)).contains(loudness) else {
            throw .invalidParameter(InvalidParameter("loudness", "must be −30…−5 LUFS, got \(loudness)"))
        }
        guard (-12.0...0).contains(truePeakCeiling) else {
            throw .invalidParameter(InvalidParameter("true-peak ceiling", "must be −12…0 dBTP, got \(truePeakCeiling)"))
        }
        if let previewSeconds, !(4.0...300).contains(previewSeconds) {
            throw .invalidParameter(InvalidParameter("transitions", "must be 4…300 seconds around each transition, got \(previewSeconds)"))
        }
        if stemsFolder != nil && previewSeconds != nil {
            throw .invalidParameter(InvalidParameter("stems", "need the whole mix; leave out --transitions to write them"))
        }
    }
}

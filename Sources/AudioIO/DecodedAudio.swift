/// Mono PCM decoded from a file, at the rate the caller asked for.
public struct DecodedAudio: Sendable {
    /// Mono samples in −1…1.
    public var samples: [Float]
    /// Sample rate of `samples` in Hz.
    public var sampleRate: Double
    /// Channel count of the source file.
    public var sourceChannels: Int
    /// Sample rate of the source file in Hz.
    public var sourceSampleRate: Double

    /// Creates decoded audio.
    public init(samples: [Float], sampleRate: Double, sourceChannels: Int, sourceSampleRate: Double) {
        self.samples = samples
        self.sampleRate = sampleRate
        self.sourceChannels = sourceChannels
        self.sourceSampleRate = sourceSampleRate
    }

    /// Duration in seconds.
    public var duration: Double { Double(samples.count) / sampleRate }
}

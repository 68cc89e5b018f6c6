import Foundation

/// Measures from the audio whether two decks' beats coincide over an overlap: the self-check a
/// renderer runs before it commits to a beat-matched blend, because a beat grid off by an eighth
/// of a beat turns a blend into a train wreck that no DJ would play.
///
/// Each deck's excerpt (what it plays over the overlap, at its own tempo) gets a fine onset
/// envelope (log-mel flux, hop 128 at 22 050 Hz: 5.8 ms), read on the overlap's beat axis at
/// ``stepsPerBeat`` points a beat — so the two decks, stretched to one tempo, share that axis.
/// The cross-correlation of the two standardised envelopes over lags of up to half a beat peaks
/// where the incoming deck's onsets best meet the outgoing deck's: that lag is how far its beats
/// fall after the outgoing deck's. A peak where the grids put the beats confirms them when it is
/// a correlation at all; a peak elsewhere is acted on only when it also stands above the
/// correlation half a beat away (the off-beat); otherwise the check says it cannot tell.
public struct BeatAlignmentMeter: Sendable {
    /// Points per beat on the shared axis (5.2 ms at 120 BPM).
    public static let stepsPerBeat = 96
    /// Smallest correlation at the peak for the lag to be trusted.
    public var minimumStrength: Double
    /// How far the peak must stand above the correlation half a beat away.
    public var minimumMargin: Double

    /// Creates a meter.
    public init(minimumStrength: Double = 0.12, minimumMargin: Double = 0.08) {
        self.minimumStrength = minimumStrength
        self.minimumMargin = minimumMargin
    }

    /// A measurement: the lag of the incoming deck's beats in beats (negative: early), the
    /// correlation at it, and whether it can be trusted.
    public struct Measurement: Sendable, Hashable {
        /// Lag of the incoming deck's beats behind the outgoing deck's, in beats (−½…½).
        public var lagBeats: Double
        /// Correlation of the two onset envelopes at that lag.
        public var strength: Double
        /// Correlation at the lag half a beat away.
        public var offBeatStrength: Double
        /// Whether the onsets correlate at all at the lag (``minimumStrength``): enough to
        /// confirm where the grids already say the beats meet.
        public var hasCorrelation: Bool
        /// Whether the lag also stands out above the off-beat (``minimumMargin``): enough to move
        /// a deck by it.
        public var isTrusted: Bool
    }

    /// Measures how `incoming` (mono samples at `sampleRate`, starting on its grid's beat, one
    /// beat every `incomingPeriod` seconds) lines up with `outgoing` (likewise, `outgoingPeriod`)
    /// over `beats` beats. `nil` when either excerpt is too short or silent.
    public func measure(outgoing: [Float], outgoingPeriod: Double, incoming: [Float], incomingPeriod: Double, beats: Int,
                        sampleRate: Double) -> Measurement? {
        guard beats >= 4, outgoingPeriod > 0, incomingPeriod > 0,
              let out = Self.beatAxisEnvelope(outgoing, period: outgoingPeriod, beats: beats, sampleRate: sampleRate),
              let into = Self.beatAxisEnvelope(incoming, period: incomingPeriod, beats: beats, sampleRate: sampleRate) else { return nil }
        let steps = Self.stepsPerBeat, half = steps / 2
        func correlation(_ lag: Int) -> Double {
            var sum = 0.0, count = 0
            for index in out.indices {
                let other = index + lag
                guard other >= 0, other < into.count else { continue }
                sum += out[index] * into[other]
                count += 1
            }
            return count > 0 ? sum / Double(count) : 0
        }
        let lags = Array(-half...half)
        let values = lags.map(correlation)
        guard let best = values.indices.max(by: { values[$0] < values[$1] }) else { return nil }
        var lag = Double(lags[best])
        if best > 0, best < values.count - 1 {
            let (left, middle, right) = (values[best - 1], values[best], values[best + 1])
            let denominator = left - 2 * middle + right
            if abs(denominator) > 1e-12 { lag += max(-0.5, min(0.5, 0.5 * (left - right) / denominator)) }
        }
        let opposite = lags[best] > 0 ? lags[best] - half : lags[best] + half
        let offBeat = correlation(opposite)
        let strength = values[best]
        return Measurement(lagBeats: lag / Double(steps), strength: strength, offBeatStrength: offBeat, hasCorrelation: strength >= minimumStrength,
                           isTrusted: strength >= minimumStrength && strength - offBeat >= minimumMargin)
    }

    /// The onset envelope of `samples` read at ``stepsPerBeat`` points per beat of `period`
    /// seconds over `beats` beats, standardised (mean 0, spread 1); `nil` when too short or flat.
    static func beatAxisEnvelope(_ samples: [Float], period: Double, beats: Int, sampleRate: Double) -> [Double]? {
        let hop = 128, frameSize = 1024
        guard samples.count > frameSize * 2,
              let accumulator = try? SpectralFeatureAccumulator(sampleRate: sampleRate, frameSize: frameSize, hopSize: hop) else { return nil }
        samples.withUnsafeBufferPointer { accumulator.add($0) }
        let summary = accumulator.finish()
        let envelope = OnsetEnvelope.compute(flux: summary.onsetFlux, frameRate: summary.frameRate)
        guard envelope.count > 4 else { return nil }
        let count = beats * stepsPerBeat
        var values = [Double](repeating: 0, count: count)
        for step in 0..<count {
            let position = Double(step) / Double(stepsPerBeat) * period * summary.frameRate
            let index = Int(saturating: position)
            guard index + 1 < envelope.count else { break }
            let fraction = Float(position - Double(index))
            values[step] = Double(envelope[index] * (1 - fraction) + envelope[index + 1] * fraction)
        }
        let mean = values.reduce(0, +) / Double(count)
        let spread = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(count)).squareRoot()
        guard spread > 1e-9 else { return nil }
        return values.map { ($0 - mean) / spread }
    }
}

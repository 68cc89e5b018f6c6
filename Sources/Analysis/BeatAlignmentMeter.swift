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
/// fall after the outgoing deck's, and how clearly it stands (``Measurement/hasCorrelation``,
/// above the off-beat: ``Measurement/isTrusted``) says how far to believe it. Each deck's onsets
/// folded onto its own grid (``GridFit``) say whether that grid holds over the overlap.
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
        /// Whether the lag also stands out above the off-beat (``minimumMargin``).
        public var isTrusted: Bool
        /// How each deck's own onsets sit on its own grid over the overlap.
        public var outgoingFit: GridFit
        /// See ``outgoingFit``.
        public var incomingFit: GridFit
    }

    /// How one deck's onsets sit on its grid over an excerpt: its beat-axis envelope folded onto
    /// one beat. A grid that holds folds into a clear peak on its beats or off-beats; one that
    /// has slipped peaks elsewhere, and one without a steady beat hardly peaks.
    public struct GridFit: Sendable, Hashable {
        /// Where the fold peaks, in beats (−½…½).
        public var phase: Double
        /// The fold's peak, in standard deviations of the envelope.
        public var contrast: Double
    }

    /// Measures how `incoming` (mono samples at `sampleRate`, starting on its grid's beat, one
    /// beat every `incomingPeriod` seconds) lines up with `outgoing` (likewise, `outgoingPeriod`)
    /// over `beats` beats. `nil` when either excerpt is too short or silent.
    public func measure(outgoing: [Float], outgoingPeriod: Double, incoming: [Float], incomingPeriod: Double, beats: Int,
                        sampleRate: Double) -> Measurement? {
        guard beats >= 4, outgoingPeriod > 0, incomingPeriod > 0,
              let outOnsets = Self.onsetEnvelope(outgoing, sampleRate: sampleRate),
              let intoOnsets = Self.onsetEnvelope(incoming, sampleRate: sampleRate),
              let out = Self.beatAxis(outOnsets, period: outgoingPeriod, beats: beats),
              let into = Self.beatAxis(intoOnsets, period: incomingPeriod, beats: beats) else { return nil }
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
                           isTrusted: strength >= minimumStrength && strength - offBeat >= minimumMargin,
                           outgoingFit: Self.gridFit(outOnsets, period: outgoingPeriod, beats: beats),
                           incomingFit: Self.gridFit(intoOnsets, period: incomingPeriod, beats: beats))
    }

    /// A deck's fit to its grid of `period` seconds over `beats` beats (``GridFit``).
    static func gridFit(_ onsets: Onsets, period: Double, beats: Int) -> GridFit {
        let (phase, contrast) = beatAxis(onsets, period: period, beats: beats).map(fold) ?? (0, 0)
        return GridFit(phase: phase, contrast: contrast)
    }

    /// A beat-axis envelope folded onto one beat: the phase of its peak (beats, −½…½) and the
    /// peak's height.
    static func fold(_ envelope: [Double]) -> (phase: Double, contrast: Double) {
        let steps = stepsPerBeat
        var fold = [Double](repeating: 0, count: steps)
        var counts = [Int](repeating: 0, count: steps)
        for (index, value) in envelope.enumerated() { fold[index % steps] += value; counts[index % steps] += 1 }
        for index in fold.indices where counts[index] > 0 { fold[index] /= Double(counts[index]) }
        guard let peak = fold.indices.max(by: { fold[$0] < fold[$1] }) else { return (0, 0) }
        let phase = Double(peak) / Double(steps)
        return (phase >= 0.5 ? phase - 1 : phase, fold[peak])
    }

    /// An excerpt's fine onset envelope (log-mel flux, hop 128) and where its frames fall.
    struct Onsets {
        var envelope: [Float]
        var frameRate: Double
        /// Seconds from a frame's start to its centre, where an onset shows.
        var centre: Double
    }

    /// The onset envelope of `samples`; `nil` when too short.
    static func onsetEnvelope(_ samples: [Float], sampleRate: Double) -> Onsets? {
        let hop = 128, frameSize = 1024
        guard samples.count > frameSize * 2,
              let accumulator = try? SpectralFeatureAccumulator(sampleRate: sampleRate, frameSize: frameSize, hopSize: hop) else { return nil }
        samples.withUnsafeBufferPointer { accumulator.add($0) }
        let summary = accumulator.finish()
        let envelope = OnsetEnvelope.compute(flux: summary.onsetFlux, frameRate: summary.frameRate)
        guard envelope.count > 4 else { return nil }
        // Frame t spans samples t·hop ..< t·hop + frameSize: an onset shows when it reaches the
        // frame's centre, half a frame after the frame starts.
        return Onsets(envelope: envelope, frameRate: summary.frameRate, centre: Double(frameSize / 2) / sampleRate)
    }

    /// `onsets` read at ``stepsPerBeat`` points per beat of `period` seconds over `beats` beats,
    /// standardised (mean 0, spread 1); `nil` when flat.
    static func beatAxis(_ onsets: Onsets, period: Double, beats: Int) -> [Double]? {
        let envelope = onsets.envelope
        let count = beats * stepsPerBeat
        guard count > 0 else { return nil }
        var values = [Double](repeating: 0, count: count)
        for step in 0..<count {
            let position = (Double(step) / Double(stepsPerBeat) * period - onsets.centre) * onsets.frameRate
            guard position >= 0 else { continue }
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

import DSP

/// The normalised autocorrelation of an onset envelope, as the tempo estimators read it: the mean
/// removed, 1 at lag 0, each lag divided by its shrinking overlap (n − lag of n frames) so that
/// long lags are not penalised, and read between frames by linear interpolation.
/// Shared by ``TempoEstimator`` (the beat comb) and ``BackbeatEvidence`` (one per band).
struct OnsetAutocorrelation: Sendable {
    /// The values for lags 0…`maxLag` frames.
    let values: [Float]

    /// Autocorrelates `onset` up to `maxLag` frames; `nil` when it is empty or flat (silence).
    /// O(n log n).
    init?(onset: [Float], maxLag: Int) {
        guard !onset.isEmpty else { return nil }
        let mean = onset.reduce(0, +) / Float(onset.count)
        guard var values = try? Autocorrelation.compute(onset.map { $0 - mean }, maxLag: maxLag), let energy = values.first, energy > 1e-9 else {
            return nil
        }
        let count = Float(onset.count)
        for lag in values.indices { values[lag] = values[lag] / energy * count / (count - Float(lag)) }
        self.values = values
    }

    /// The value at a fractional lag in frames; 0 outside the computed lags.
    func value(at lag: Double) -> Float {
        let index = Int(saturating: lag)
        guard index >= 0, index + 1 < values.count else { return 0 }
        let fraction = Float(lag - Double(index))
        return values[index] * (1 - fraction) + values[index + 1] * fraction
    }
}

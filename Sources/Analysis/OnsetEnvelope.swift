import Foundation

/// Onset strength: a spectral flux (``SpectralSummary/onsetFlux`` or ``SpectralSummary/kickFlux``)
/// with a moving local mean over about half a second removed, so that loudness changes do not
/// dominate (Böck & Widmer 2013; librosa's `onset_strength`).
public enum OnsetEnvelope {
    /// The onset strength per frame of `flux` at `frameRate` frames per second. O(frames).
    public static func compute(flux: [Float], frameRate: Double) -> [Float] {
        guard flux.count > 1 else { return [Float](repeating: 0, count: flux.count) }
        let radius = max(1, Int(saturating: frameRate * 0.25))
        var prefix = [Double](repeating: 0, count: flux.count + 1)
        for index in flux.indices { prefix[index + 1] = prefix[index] + Double(flux[index]) }
        return flux.indices.map { index in
            let low = max(0, index - radius), high = min(flux.count, index + radius + 1)
            let mean = Float((prefix[high] - prefix[low]) / Double(high - low))
            return max(0, flux[index] - mean)
        }
    }
}

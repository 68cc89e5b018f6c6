import Foundation

/// Onset strength: half-wave rectified spectral flux of log-mel energies, summed over bands,
/// with a moving local mean removed (Böck & Widmer 2013; librosa's `onset_strength`).
public enum OnsetEnvelope {
    /// The onset strength per frame of `frames`, over all mel bands or those centred below
    /// `maximumHz`. With `linear`, the flux is taken on energies instead of log energies, so that
    /// the loudest low-band events (kicks) dominate quieter bass notes: the envelope for placing
    /// the beat grid. O(frames · bands).
    public static func compute(_ frames: SpectralFrames, maximumHz: Double = .infinity, linear: Bool = false) -> [Float] {
        let bands = frames.melBandCount
        let used = max(1, frames.melBandCenters.filter { $0 <= maximumHz }.count)
        var flux = [Float](repeating: 0, count: frames.frameCount)
        guard frames.frameCount > 1 else { return flux }
        frames.logMel.withUnsafeBufferPointer { mel in
            for frame in 1..<frames.frameCount {
                var sum: Float = 0
                for band in 0..<used {
                    let current = mel[frame * bands + band], previous = mel[(frame - 1) * bands + band]
                    let rise = linear ? expm1(current) - expm1(previous) : current - previous
                    if rise > 0 { sum += rise }
                }
                flux[frame] = sum
            }
        }
        // Remove a local mean over about half a second so that loudness changes do not dominate.
        let radius = max(1, Int(frames.frameRate * 0.25))
        var prefix = [Double](repeating: 0, count: flux.count + 1)
        for index in flux.indices { prefix[index + 1] = prefix[index] + Double(flux[index]) }
        return flux.indices.map { index in
            let low = max(0, index - radius), high = min(flux.count, index + radius + 1)
            let mean = Float((prefix[high] - prefix[low]) / Double(high - low))
            return max(0, flux[index] - mean)
        }
    }
}

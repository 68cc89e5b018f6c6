/// Onset strength: half-wave rectified spectral flux of log-mel energies, summed over bands,
/// with a moving local mean removed (Böck & Widmer 2013; librosa's `onset_strength`).
public enum OnsetEnvelope {
    /// The onset strength per frame of `frames`; O(frames · bands).
    public static func compute(_ frames: SpectralFrames) -> [Float] {
        let bands = frames.melBandCount
        var flux = [Float](repeating: 0, count: frames.frameCount)
        guard frames.frameCount > 1 else { return flux }
        frames.logMel.withUnsafeBufferPointer { mel in
            for frame in 1..<frames.frameCount {
                var sum: Float = 0
                for band in 0..<bands {
                    let rise = mel[frame * bands + band] - mel[(frame - 1) * bands + band]
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

/// Autocorrelation through the FFT (Wiener–Khinchin), O(n log n).
public enum Autocorrelation {
    /// The unnormalised autocorrelation of `signal` for lags 0…`maxLag` (linear, not circular:
    /// the signal is zero-padded to at least twice its length).
    public static func compute(_ signal: [Float], maxLag: Int) throws(DSPError) -> [Float] {
        guard !signal.isEmpty, maxLag >= 0 else { return [] }
        var size = 2
        while size < 2 * signal.count { size *= 2 }
        let forward = try RealFFT(size: size)
        let spectrum = forward.spectrum(of: signal)
        // The power spectrum is real and even: its inverse transform is a cosine sum, which we
        // compute as the real part of a forward FFT of the mirrored power spectrum.
        var mirrored = [Float](repeating: 0, count: size)
        for (bin, value) in spectrum.enumerated() {
            let power = value.real * value.real + value.imaginary * value.imaginary
            mirrored[bin] = power
            if bin > 0 && bin < size / 2 { mirrored[size - bin] = power }
        }
        let inverse = forward.spectrum(of: mirrored)
        let lags = min(maxLag, signal.count - 1)
        return (0...lags).map { inverse[$0].real / Float(size) }
    }
}

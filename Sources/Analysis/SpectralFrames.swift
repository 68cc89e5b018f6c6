import DSP
import Foundation

/// Per-frame spectral measurements from one Hann-windowed STFT (2048 samples, hop 512 at
/// 22 050 Hz, about 23 ms per frame), shared by the tempo, energy and timbre estimators.
///
/// Memory is O(frames · melBands); the power spectra themselves are not kept.
public struct SpectralFrames: Sendable {
    /// Frames per second.
    public let frameRate: Double
    /// Number of frames.
    public let frameCount: Int
    /// Number of mel bands per frame.
    public let melBandCount: Int
    /// Log-compressed mel energies, frame-major: `logMel[frame * melBandCount + band]`.
    public let logMel: [Float]
    /// Spectral centroid per frame in Hz.
    public let centroid: [Float]
    /// Spectral flatness per frame (geometric ÷ arithmetic mean of power, 0…1).
    public let flatness: [Float]
    /// Fraction of power below 150 Hz, 150 Hz–2 kHz and above 2 kHz, per frame (3 values per frame).
    public let bandShares: [Float]
    /// Frame power (sum of the power spectrum).
    public let power: [Float]
    /// Centre frequency of each mel band in Hz.
    public let melBandCenters: [Double]

    /// Computes the frames of `samples` at `sampleRate` Hz.
    public init(samples: [Float], sampleRate: Double, frameSize: Int = 2048, hopSize: Int = 512,
                melBandCount: Int = 40) throws(DSPError) {
        let stft = try STFT(configuration: STFTConfiguration(frameSize: frameSize, hopSize: hopSize))
        let bank = try MelFilterBank(bandCount: melBandCount, fftSize: frameSize, sampleRate: sampleRate, lowHz: 30,
                                     highHz: min(11000, sampleRate / 2))
        melBandCenters = bank.centerFrequencies
        let frames = stft.configuration.frameCount(sampleCount: samples.count)
        let binHz = sampleRate / Double(frameSize)
        let lowBin = Int(150 / binHz), midBin = Int(2000 / binHz)
        var logMel = [Float](repeating: 0, count: frames * melBandCount)
        var centroid = [Float](repeating: 0, count: frames)
        var flatness = [Float](repeating: 0, count: frames)
        var bandShares = [Float](repeating: 0, count: frames * 3)
        var power = [Float](repeating: 0, count: frames)
        var bands = [Float](repeating: 0, count: melBandCount)
        stft.forEachFrame(of: samples) { frame, spectrum in
            bands.withUnsafeMutableBufferPointer { bank.apply(spectrum, into: $0) }
            for band in 0..<melBandCount { logMel[frame * melBandCount + band] = log1p(1000 * bands[band]) }
            var total: Float = 0, weighted: Float = 0, logSum: Float = 0, low: Float = 0, mid: Float = 0
            for bin in 1..<spectrum.count {
                let value = spectrum[bin]
                total += value
                weighted += value * Float(Double(bin) * binHz)
                logSum += log(value + 1e-12)
                if bin < lowBin { low += value } else if bin < midBin { mid += value }
            }
            power[frame] = total
            let count = Float(spectrum.count - 1)
            if total > 1e-10 {
                centroid[frame] = weighted / total
                flatness[frame] = exp(logSum / count) / (total / count)
                bandShares[frame * 3] = low / total
                bandShares[frame * 3 + 1] = mid / total
                bandShares[frame * 3 + 2] = max(0, total - low - mid) / total
            }
        }
        self.frameRate = sampleRate / Double(hopSize)
        self.frameCount = frames
        self.melBandCount = melBandCount
        self.logMel = logMel
        self.centroid = centroid
        self.flatness = flatness
        self.bandShares = bandShares
        self.power = power
    }
}

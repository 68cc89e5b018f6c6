import DJModel
import Foundation

/// Triangular mel-scale filters over a power spectrum (Slaney-style area normalisation).
public struct MelFilterBank: Sendable {
    /// Number of mel bands.
    public let bandCount: Int
    /// Centre frequency of each band in Hz.
    public let centerFrequencies: [Double]
    /// For each band: first bin and weights.
    private let filters: [(start: Int, weights: [Float])]

    /// Converts Hz to mel (HTK formula).
    public static func mel(fromHz hz: Double) -> Double { 2595 * log10(1 + hz / 700) }
    /// Converts mel to Hz (HTK formula).
    public static func hz(fromMel mel: Double) -> Double { 700 * (pow(10, mel / 2595) - 1) }

    /// Builds `bandCount` filters between `lowHz` and `highHz` for an FFT of `fftSize` at `sampleRate` Hz.
    public init(bandCount: Int, fftSize: Int, sampleRate: Double, lowHz: Double, highHz: Double) throws(DSPError) {
        guard bandCount >= 1 else { throw .invalidParameter(InvalidParameter("mel band count", "must be at least 1")) }
        guard lowHz >= 0, highHz > lowHz, highHz <= sampleRate / 2 else {
            throw .invalidParameter(InvalidParameter("mel range", "\(lowHz)…\(highHz) Hz must lie in 0…\(sampleRate / 2) Hz"))
        }
        self.bandCount = bandCount
        let lowMel = Self.mel(fromHz: lowHz), highMel = Self.mel(fromHz: highHz)
        let edges = (0...(bandCount + 1)).map { Self.hz(fromMel: lowMel + (highMel - lowMel) * Double($0) / Double(bandCount + 1)) }
        centerFrequencies = Array(edges[1...bandCount])
        let binHz = sampleRate / Double(fftSize)
        let binCount = fftSize / 2 + 1
        filters = (0..<bandCount).map { band in
            let (left, center, right) = (edges[band], edges[band + 1], edges[band + 2])
            let first = max(0, Int(saturating: ceil(left / binHz)))
            let last = min(binCount - 1, Int(saturating: floor(right / binHz)))
            let norm = 2 / (right - left)
            var weights: [Float] = []
            if first <= last {
                for bin in first...last {
                    let hz = Double(bin) * binHz
                    let rising = (hz - left) / (center - left), falling = (right - hz) / (right - center)
                    weights.append(Float(max(0, min(rising, falling)) * norm))
                }
            }
            return (first, weights)
        }
    }

    /// Band energies of one power spectrum into `bands` (`bandCount` values).
    public func apply(_ power: UnsafeBufferPointer<Float>, into bands: UnsafeMutableBufferPointer<Float>) {
        for (band, filter) in filters.enumerated() {
            var sum: Float = 0
            for (offset, weight) in filter.weights.enumerated() { sum += weight * power[filter.start &+ offset] }
            bands[band] = sum
        }
    }
}

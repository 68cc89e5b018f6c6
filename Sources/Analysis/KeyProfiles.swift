import DJModel
import Foundation

/// Key profiles: the expected weight of each pitch class above the tonic, for major and minor.
public struct KeyProfile: Sendable, Hashable {
    /// Twelve weights for a major key, tonic first.
    public let major: [Double]
    /// Twelve weights for a minor key, tonic first.
    public let minor: [Double]
    /// Whether the weights are what a spectrum shows (templates learned from audio, overtones
    /// and all) rather than what a listener or a score counts. A spectral profile gets no
    /// harmonics added (``withHarmonics(count:slope:)`` leaves it as it is), and its two
    /// templates decide the mode as well as the tonic.
    public let isSpectral: Bool

    /// A profile from twelve major and twelve minor weights, tonic first.
    public init(major: [Double], minor: [Double], isSpectral: Bool = false) {
        precondition(major.count == 12 && minor.count == 12, "a key profile has twelve weights per mode")
        self.major = major
        self.minor = minor
        self.isSpectral = isSpectral
    }

    /// Temperley's profiles from the Kostka–Payne corpus (Temperley 2005, "What's key for key?").
    public static let temperley = KeyProfile(
        major: [0.748, 0.060, 0.488, 0.082, 0.670, 0.460, 0.096, 0.715, 0.104, 0.366, 0.057, 0.400],
        minor: [0.712, 0.084, 0.474, 0.618, 0.049, 0.460, 0.105, 0.747, 0.404, 0.067, 0.133, 0.330])

    /// Krumhansl–Kessler probe-tone profiles (Krumhansl 1990).
    public static let krumhansl = KeyProfile(
        major: [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88],
        minor: [6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17])

    /// Templates learned from audio (see ``KeyEstimator`` for how, and the README for what they
    /// gain on music they were not fitted on): the mean square-root-compressed, standardised
    /// pitch-class profile of clips in a known key, rotated to their tonic, per mode.
    public static let learned = KeyProfile(
        major: LearnedKeyTemplates.major, minor: LearnedKeyTemplates.minor, isSpectral: true)

    /// The profiles by name, for options and reports.
    public static let named: [String: KeyProfile] = ["krumhansl": .krumhansl, "temperley": .temperley, "learned": .learned]

    /// The pitch-class profile a listener's notes distributed as this profile would show in a
    /// spectrum: each note adds its first `count` harmonics, the h-th weighted slope^(h−1), on the
    /// pitch class it falls nearest to (the 3rd and 6th harmonics a fifth up, the 5th a major
    /// third up, the 7th a minor seventh up). Real instruments put much of their energy in those
    /// partials, so a spectral profile of a piece in C leans towards G; correlating it with the
    /// plain profile puts the tonic a fifth up.
    public func withHarmonics(count: Int, slope: Double) -> KeyProfile {
        guard count > 1, !isSpectral else { return self }
        func expand(_ weights: [Double]) -> [Double] {
            var expanded = [Double](repeating: 0, count: 12)
            for harmonic in 1...count {
                let shift = Int(saturating: (12 * log2(Double(harmonic))).rounded()) % 12
                let weight = pow(slope, Double(harmonic - 1))
                for pitchClass in 0..<12 { expanded[(pitchClass + shift) % 12] += weight * weights[pitchClass] }
            }
            return expanded
        }
        return KeyProfile(major: expand(major), minor: expand(minor))
    }

    /// The profile of `key`, rotated so that index 0 is pitch class C.
    public func rotated(for key: MusicalKey) -> [Double] {
        let base = key.mode == .major ? major : minor
        return (0..<12).map { base[(($0 - key.tonic) % 12 + 12) % 12] }
    }
}

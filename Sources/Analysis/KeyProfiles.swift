import DJModel

/// Key profiles: the expected weight of each pitch class above the tonic, for major and minor.
public struct KeyProfile: Sendable, Hashable {
    /// Twelve weights for a major key, tonic first.
    public let major: [Double]
    /// Twelve weights for a minor key, tonic first.
    public let minor: [Double]

    /// A profile from twelve major and twelve minor weights, tonic first.
    public init(major: [Double], minor: [Double]) {
        precondition(major.count == 12 && minor.count == 12, "a key profile has twelve weights per mode")
        self.major = major
        self.minor = minor
    }

    /// Temperley's profiles from the Kostka–Payne corpus (Temperley 2005, "What's key for key?").
    public static let temperley = KeyProfile(
        major: [0.748, 0.060, 0.488, 0.082, 0.670, 0.460, 0.096, 0.715, 0.104, 0.366, 0.057, 0.400],
        minor: [0.712, 0.084, 0.474, 0.618, 0.049, 0.460, 0.105, 0.747, 0.404, 0.067, 0.133, 0.330])

    /// Krumhansl–Kessler probe-tone profiles (Krumhansl 1990).
    public static let krumhansl = KeyProfile(
        major: [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88],
        minor: [6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17])

    /// The profiles by name, for options and reports.
    public static let named: [String: KeyProfile] = ["krumhansl": .krumhansl, "temperley": .temperley]

    /// The profile of `key`, rotated so that index 0 is pitch class C.
    public func rotated(for key: MusicalKey) -> [Double] {
        let base = key.mode == .major ? major : minor
        return (0..<12).map { base[(($0 - key.tonic) % 12 + 12) % 12] }
    }
}

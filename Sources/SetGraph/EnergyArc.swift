import Foundation

/// The shape of energy over a set: the target energy (1–10) at each point in time.
public enum EnergyArc: String, Sendable, Hashable, Codable, CaseIterable {
    /// Stay at the seed's energy.
    case flat
    /// Climb steadily by up to three steps.
    case rise
    /// Warm up, peak at two thirds, cool down.
    case peak
    /// Two gentle waves around the seed's energy.
    case wave

    /// The target energy at `fraction` (0…1) of the set, starting from `start`.
    public func target(at fraction: Double, start: Int) -> Double {
        let t = max(0, min(1, fraction))
        let base = Double(start)
        let value: Double
        switch self {
        case .flat: value = base
        case .rise: value = base + 3 * t
        case .peak: value = t < 2.0 / 3 ? base + 3 * t * 1.5 : base + 3 - 4 * (t - 2.0 / 3) * 3
        case .wave: value = base + 1.5 * sin(4 * Double.pi * t)
        }
        return max(1, min(10, value))
    }
}

/// The tempo change of a transition: the nearest of straight, half and double time, in percent.
public struct TempoChange: Hashable, Sendable {
    /// The change in percent (positive: faster), against the nearest of straight, half and double time.
    public var percent: Double
    /// Whether the nearest relation is half or double time.
    public var halfOrDouble: Bool

    /// The change from `from` to `to` BPM (100 % when either is not positive).
    public init(from: Double, to: Double) {
        guard from > 0, to > 0 else {
            percent = 100
            halfOrDouble = false
            return
        }
        // A ratio's distance from 1 on the log scale, |log r|, orders as max(r, 1/r), so no
        // logarithm is needed (the beam calls this per edge).
        let straight = to / from, half = to / (2 * from), double = 2 * to / from
        func spread(_ ratio: Double) -> Double { max(ratio, 1 / ratio) }
        let best = spread(half) < spread(double) ? half : double
        if spread(best) < spread(straight) {
            percent = (best - 1) * 100
            halfOrDouble = true
        } else {
            percent = (straight - 1) * 100
            halfOrDouble = false
        }
    }
}

extension Double {
    /// This time folded into one period, `0 ≤ result < period` (a time before zero wraps to the
    /// period's end): where on a grid of `period` seconds a moment falls.
    public func wrapped(into period: Double) -> Double {
        (truncatingRemainder(dividingBy: period) + period).truncatingRemainder(dividingBy: period)
    }
}

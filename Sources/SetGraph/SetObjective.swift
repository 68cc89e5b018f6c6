/// The value a set plan maximises: mean transition score minus a duration penalty,
/// `mean − durationWeight · |duration − target| / target`.
public struct SetObjective: Sendable, Hashable {
    /// Target playing time in seconds.
    public var targetSeconds: Double
    /// Weight of the relative duration error (default 0.5: 6 minutes off in an hour costs 0.05).
    public var durationWeight: Double

    /// Creates an objective.
    public init(targetSeconds: Double, durationWeight: Double = 0.5) {
        self.targetSeconds = targetSeconds
        self.durationWeight = durationWeight
    }

    /// The objective of a path with `scoreSum` over `transitions` and `duration` seconds.
    public func value(scoreSum: Double, transitions: Int, duration: Double) -> Double {
        let mean = transitions > 0 ? scoreSum / Double(transitions) : 0
        return mean - durationWeight * abs(duration - targetSeconds) / targetSeconds
    }

    /// Whether a path of `duration` seconds is long enough to be offered (within 10 % below the target).
    public func isCandidate(duration: Double) -> Bool { duration >= 0.9 * targetSeconds }
}

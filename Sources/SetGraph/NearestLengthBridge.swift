import Dispatch
import DJModel
import Foundation

/// A bridge of the asked length when one exists, else of the nearest length that does, and when
/// none links the two tracks at any length, the rule that separates them and what would link them.
public struct NearestLengthBridge: Sendable {
    /// The bridges found (best first).
    public var paths: [PlannedPath]
    /// The length they were planned for, seconds of music between the two ends.
    public var plannedSeconds: Double
    /// Why the length differs from the one asked, in words a DJ can act on; `nil` when it does not.
    public var note: String?
}

extension AStarBridgePlanner {
    /// The longest answer offered, as a multiple of the asked length.
    public static let longestAnswerFactor = 3.0

    /// Bridges of about `seconds` from `start` to `goal`, or of the nearest length that exists (up
    /// to ``longestAnswerFactor`` times longer, or shorter down to one track), with a note saying why.
    ///
    /// First the exact backward search from the goal (``BridgeReachability/distances(from:to:in:)``,
    /// whose distances every A* run below reuses): when no bridge links the two tracks at any
    /// length, the error names the rule and the relaxation that would link them.
    /// Then A* at the asked length; then at lengths ever farther from it, in steps of twice the
    /// tolerance (at least 5 minutes) so that the windows tile, longer ones starting no shorter
    /// than the fewest tracks the tempo and key need can play.
    /// - Throws: ``SetGraphError/noPath(_:)`` when no bridge exists at any length, or none was
    ///   found within 3× the asked length or the deadline.
    public func nearestLengthBridges(from start: Int, to goal: Int, seconds: Double, in graph: TrackGraph, count: Int,
                                     deadline: UInt64? = nil) throws(SetGraphError) -> NearestLengthBridge {
        if let error = SetGraphError.outside([start, goal], of: graph) { throw error }
        guard start != goal else { throw .invalidParameter(InvalidParameter("bridge", "needs two different tracks")) }
        let nodes = graph.nodes
        let distances = BridgeReachability(constraints: constraints).distances(from: start, to: goal, in: graph)
        guard let minimumTransitions = distances.fromStart else {
            let reach = BridgeReachability(constraints: constraints).check(from: start, to: goal, in: graph)
            throw .noPath(unlinkedMessage(from: start, to: goal, reached: reach.reachedTempo, in: graph))
        }
        let ends = "\(Self.bpm(nodes[start].bpm)) → \(Self.bpm(nodes[goal].bpm)) BPM"
        let fewestSeconds = Double(minimumTransitions - 1) * graph.shortestDuration
        // The asked length is tried first unless even the shortest tracks could not fill the fewest transitions into it.
        if fewestSeconds <= seconds + toleranceSeconds {
            do {
                let paths = try bridges(from: start, to: goal, seconds: seconds, in: graph, count: count, deadline: deadline, distances: distances)
                return NearestLengthBridge(paths: paths, plannedSeconds: seconds, note: nil)
            } catch {
                if case .invalidParameter = error { throw error }
            }
        }
        let step = max(2 * toleranceSeconds, 300)
        var lengths: [Double] = []
        for index in 1...200 {
            let longer = max(seconds + Double(index) * step, fewestSeconds + toleranceSeconds)
            if longer <= Self.longestAnswerFactor * seconds + toleranceSeconds, !lengths.contains(longer) { lengths.append(longer) }
            let shorter = seconds - Double(index) * step
            if shorter >= max(60, fewestSeconds - toleranceSeconds) { lengths.append(shorter) }
        }
        lengths.sort { abs($0 - seconds) < abs($1 - seconds) }
        for length in lengths {
            if let deadline, DispatchTime.now().uptimeNanoseconds > deadline { break }
            guard let paths = try? bridges(from: start, to: goal, seconds: length, in: graph, count: count, deadline: deadline,
                                           distances: distances) else { continue }
            let minutes = Int(saturating: (paths[0].duration / 60).rounded())
            let note = length > seconds
                ? "\(ends) needs at least \(minimumTransitions - 1) track\(minimumTransitions == 2 ? "" : "s") between them under the rules "
                    + "(\(ruleSummary)); the nearest bridge that fits lasts \(minutes) minutes, not \(Int(saturating: (seconds / 60).rounded()))"
                : "no bridge of \(Int(saturating: (seconds / 60).rounded())) minutes fits the rules (\(ruleSummary)) between \(ends) in this library; "
                    + "the nearest lasts \(minutes) minutes"
            return NearestLengthBridge(paths: paths, plannedSeconds: length, note: note)
        }
        throw .noPath("no bridge between \(ends) was found within \(Int(saturating: Self.longestAnswerFactor)) × \(Int(saturating: (seconds / 60).rounded())) minutes "
            + "under the rules (\(ruleSummary)), although the tempo and key allow one of \(minimumTransitions - 1) or more tracks; "
            + "try a looser artist spacing, a wider drift or a longer bridge")
    }

    /// The rules in a few words.
    var ruleSummary: String {
        "tempo steps ≤ \(Self.number(constraints.maxStepPercent)) %, drift ≤ \(Self.number(constraints.maxDriftPercent)) % outside the two tempi, "
            + "key moves: \(constraints.keyRule.rawValue)\(constraints.allowHalfDoubleTime ? "" : ", no half/double time")"
    }

    /// Why no bridge links `start` and `goal`, and the first relaxation that would (half/double
    /// time, any key move, the include/exclude lists, a wider drift, larger tempo steps).
    func unlinkedMessage(from start: Int, to goal: Int, reached: ClosedRange<Double>, in graph: TrackGraph) -> String {
        let nodes = graph.nodes
        var message = "no bridge links \(Self.bpm(nodes[start].bpm)) and \(Self.bpm(nodes[goal].bpm)) BPM at any length under the rules "
            + "(\(ruleSummary)): from the first track they reach only \(Self.bpm(reached.lowerBound))–\(Self.bpm(reached.upperBound)) BPM in this library"
        var relaxations: [(String, SetConstraints)] = []
        func relaxed(_ change: (inout SetConstraints) -> Void) -> SetConstraints {
            var copy = constraints
            change(&copy)
            return copy
        }
        if !constraints.allowHalfDoubleTime { relaxations.append(("half/double time", relaxed { $0.allowHalfDoubleTime = true })) }
        if constraints.keyRule != .any { relaxations.append(("any key move", relaxed { $0.keyRule = .any })) }
        if !constraints.excluded.isEmpty || constraints.allowed != nil {
            relaxations.append(("dropping the include/exclude lists", relaxed { $0.excluded = []; $0.allowed = nil }))
        }
        for drift in [20.0, 50.0] where drift > constraints.maxDriftPercent {
            relaxations.append(("a drift of \(Int(saturating: drift)) %", relaxed { $0.maxDriftPercent = drift }))
        }
        for step in [12.0, 16.0, 25.0] where step > constraints.maxStepPercent {
            relaxations.append(("tempo steps of \(Int(saturating: step)) %", relaxed { $0.maxStepPercent = step; $0.maxDriftPercent = max($0.maxDriftPercent, step / 2) }))
        }
        if let link = relaxations.first(where: { BridgeReachability(constraints: $0.1).check(from: start, to: goal, in: graph).minimumTransitions != nil }) {
            message += "; \(link.0) would link them"
        } else {
            message += "; no single relaxation of the rules links them: choose tracks closer in tempo"
        }
        return message
    }

    static func bpm(_ value: Double) -> String { String(Int(saturating: value.rounded())) }
    static func number(_ value: Double) -> String { value == value.rounded() ? String(Int(saturating: value)) : String(format: "%.1f", value) }
}

import DJModel

/// Whether any bridge links two tracks under the rules, and how many transitions it needs at the
/// least: an exact breadth-first search over the whole library, not only the stored edges.
///
/// A step may go to any track within the tempo step (straight, half or double time where
/// allowed), whose key the key rule allows (with key lock), that the include/exclude lists let in
/// and whose tempo stays within the drift bound around the two ends. Artist spacing and the
/// no-repeat rule are left out: they depend on the whole path, and in a library of more than a few
/// dozen tracks they lengthen a bridge rather than forbid it. Tracks are kept per key, sorted by
/// tempo, and each is removed once reached (a "next unvisited" pointer per position, with path
/// compression), so the search costs O(n log n) however dense the windows are.
public struct BridgeReachability: Sendable {
    /// What the search found.
    public struct Result: Sendable, Hashable {
        /// The fewest transitions of a bridge (at least 2: one track in between), or `nil` when
        /// none links the two tracks.
        public var minimumTransitions: Int?
        /// The slowest and fastest tempo reachable from the start (BPM).
        public var reachedTempo: ClosedRange<Double>
    }

    /// The rules.
    public let constraints: SetConstraints

    /// Creates the check for `constraints`.
    public init(constraints: SetConstraints) { self.constraints = constraints }

    /// The fewest transitions from `start` to `goal` with at least one track between them.
    /// - Complexity: O(n log n) for n tracks.
    public func check(from start: Int, to goal: Int, in graph: TrackGraph) -> Result {
        let nodes = graph.nodes
        var reached = nodes[start].bpm...nodes[start].bpm
        var found: Int?
        breadthFirst(from: start, ends: (start, goal), backwards: false, in: graph) { node, level in
            let bpm = nodes[node].bpm
            reached = min(reached.lowerBound, bpm)...max(reached.upperBound, bpm)
            guard level >= 1, constraints.allowsTempoStep(from: bpm, to: nodes[goal].bpm),
                  !isKeyed || constraints.keyRule.allows(from: nodes[node].key, to: nodes[goal].key) else { return false }
            found = level + 1
            return true
        }
        return Result(minimumTransitions: found, reachedTempo: reached)
    }

    /// The fewest transitions from every track to `goal` on a bridge from `start` (a search
    /// backwards from the goal over the same steps as ``check(from:to:in:)``): a lower bound on the
    /// transitions a bridge still needs from each track, and `nil` for a track from which no bridge
    /// reaches the goal.
    /// - Complexity: O(n log n) for n tracks.
    public func distances(from start: Int, to goal: Int, in graph: TrackGraph) -> GoalDistances {
        let nodes = graph.nodes
        var transitions = [Int32](repeating: .max, count: nodes.count)
        transitions[start] = GoalDistances.end
        transitions[goal] = GoalDistances.end
        var fromStart: Int?
        breadthFirst(from: goal, ends: (start, goal), backwards: true, in: graph) { node, level in
            guard node != goal else { return false }
            transitions[node] = Int32(level)
            // The first track reached that the start may step to is one of the fewest transitions from the start.
            if fromStart == nil, constraints.allowsTempoStep(from: nodes[start].bpm, to: nodes[node].bpm),
               !isKeyed || constraints.keyRule.allows(from: nodes[start].key, to: nodes[node].key) {
                fromStart = level + 1
            }
            return false
        }
        return GoalDistances(transitions: transitions, fromStart: fromStart)
    }

    /// Keys matter only with a key rule and key lock (without it the heard key depends on the tempo).
    private var isKeyed: Bool { constraints.keyRule != .any && constraints.keyLock }

    /// Breadth-first search from `origin` over every track a bridge between `ends` may use,
    /// following allowed steps forwards (from a track to those that may follow it) or backwards
    /// (to those it may follow). `visit` gets each track reached with its level (the origin at 0)
    /// and stops the search by returning `true`.
    private func breadthFirst(from origin: Int, ends: (start: Int, goal: Int), backwards: Bool, in graph: TrackGraph,
                              visit: (Int, Int) -> Bool) {
        let nodes = graph.nodes
        let drift = DriftReference.span(min(nodes[ends.start].bpm, nodes[ends.goal].bpm)...max(nodes[ends.start].bpm, nodes[ends.goal].bpm))
        let keyed = isKeyed
        func bucket(of node: Int) -> Int { keyed ? ScoreTables.keyIndex(nodes[node].key) : 0 }
        // Candidate intermediates per bucket (key, or one bucket), ascending in tempo, with their tempi.
        var buckets = [[Int]](repeating: [], count: keyed ? 24 : 1)
        for position in graph.tempoOrder {
            let node = Int(position)
            guard node != ends.start, node != ends.goal, constraints.isUsable(node),
                  drift.percent(to: nodes[node].bpm, in: graph) <= constraints.maxDriftPercent else { continue }
            buckets[bucket(of: node)].append(node)
        }
        let bucketBPM = buckets.map { $0.map { nodes[$0].bpm } }
        // nextUnvisited[b][p]: the first position ≥ p in bucket b not yet reached (count when none).
        var nextUnvisited = buckets.map { Array(0...$0.count) }
        func firstUnvisited(_ bucket: Int, _ position: Int) -> Int {
            var root = position
            while nextUnvisited[bucket][root] != root { root = nextUnvisited[bucket][root] }
            var cursor = position
            while nextUnvisited[bucket][cursor] != root {
                let next = nextUnvisited[bucket][cursor]
                nextUnvisited[bucket][cursor] = root
                cursor = next
            }
            return root
        }
        let step = constraints.maxStepPercent / 100
        let factors = constraints.allowHalfDoubleTime ? [1.0, 2.0, 0.5] : [1.0]
        let keys = BridgeStepBounds.keysByIndex
        // The buckets a track of each key may step to (forwards) or come from (backwards).
        let linkedBuckets: [[Int]] = keys.map { key in
            keyed ? keys.indices.filter { backwards ? constraints.keyRule.allows(from: keys[$0], to: key)
                                                    : constraints.keyRule.allows(from: key, to: keys[$0]) } : [0]
        }
        var queue: [(node: Int, level: Int)] = [(origin, 0)]
        var head = 0
        while head < queue.count {
            let (node, level) = queue[head]
            head += 1
            if visit(node, level) { return }
            let bpm = nodes[node].bpm
            for bucket in linkedBuckets[bucket(of: node)] {
                let members = buckets[bucket]
                for factor in factors {
                    // A step from x to y keeps y / x (or its half or double) within the step bound:
                    // forwards y lies in x · factor · [1 − step, 1 + step], backwards in x · factor ÷ that.
                    let low = backwards ? bpm * factor / (1 + step) : bpm * factor * (1 - step)
                    let high = backwards ? bpm * factor / (1 - step) : bpm * factor * (1 + step)
                    var position = firstUnvisited(bucket, TrackGraphBuilder.lowerBound(bucketBPM[bucket], low * (1 - 1e-12)))
                    while position < members.count, nodes[members[position]].bpm <= high * (1 + 1e-12) {
                        let candidate = members[position]
                        let allowed = backwards ? constraints.allowsTempoStep(from: nodes[candidate].bpm, to: bpm)
                                                : constraints.allowsTempoStep(from: bpm, to: nodes[candidate].bpm)
                        if allowed {
                            nextUnvisited[bucket][position] = position + 1
                            queue.append((candidate, level + 1))
                        }
                        position = firstUnvisited(bucket, position + 1)
                    }
                }
            }
        }
    }
}

/// The fewest transitions from each track to a bridge's goal (see
/// ``BridgeReachability/distances(from:to:in:)``).
public struct GoalDistances: Sendable {
    /// Per node, the fewest transitions to the goal; `Int32.max` when none, ``end`` for the two ends.
    let transitions: [Int32]

    /// The fewest transitions from the start (at least 2), as ``BridgeReachability/check(from:to:in:)``
    /// counts them; `nil` when no bridge links the two ends.
    public let fromStart: Int?

    /// The mark of the bridge's two ends, which are not intermediates.
    static let end: Int32 = -1

    /// Whether `node` is the bridge's start or goal.
    public func isEnd(_ node: Int) -> Bool { transitions[node] == Self.end }

    /// The fewest transitions from `node` to the goal through tracks a bridge may use, or `nil`
    /// when no bridge reaches the goal from it (or it is one of the two ends).
    public func transitions(from node: Int) -> Int? {
        let value = transitions[node]
        return value == .max || value == Self.end ? nil : Int(value)
    }
}

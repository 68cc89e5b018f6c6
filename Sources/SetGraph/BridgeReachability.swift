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
        let drift = DriftReference.span(min(nodes[start].bpm, nodes[goal].bpm)...max(nodes[start].bpm, nodes[goal].bpm))
        // Keys matter only with a key rule and key lock (without it the heard key depends on the tempo).
        let keyed = constraints.keyRule != .any && constraints.keyLock
        func bucket(of node: Int) -> Int { keyed ? ScoreTables.keyIndex(nodes[node].key) : 0 }
        // Candidate intermediates per bucket (key, or one bucket), ascending in tempo, with their tempi.
        var buckets = [[Int]](repeating: [], count: keyed ? 24 : 1)
        for position in graph.tempoOrder {
            let node = Int(position)
            guard node != start, node != goal, constraints.isUsable(node),
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
        let targetBuckets: [[Int]] = keys.map { from in
            keyed ? keys.indices.filter { constraints.keyRule.allows(from: from, to: keys[$0]) } : [0]
        }
        var queue: [(node: Int, level: Int)] = [(start, 0)]
        var head = 0
        var reached = nodes[start].bpm...nodes[start].bpm
        while head < queue.count {
            let (node, level) = queue[head]
            head += 1
            let bpm = nodes[node].bpm
            if level >= 1, constraints.allowsTempoStep(from: bpm, to: nodes[goal].bpm),
               !keyed || constraints.keyRule.allows(from: nodes[node].key, to: nodes[goal].key) {
                return Result(minimumTransitions: level + 1, reachedTempo: reached)
            }
            for bucket in targetBuckets[bucket(of: node)] {
                let members = buckets[bucket]
                for factor in factors {
                    let low = bpm * factor * (1 - step), high = bpm * factor * (1 + step)
                    var position = firstUnvisited(bucket, TrackGraphBuilder.lowerBound(bucketBPM[bucket], low))
                    while position < members.count, nodes[members[position]].bpm <= high {
                        let candidate = members[position]
                        if constraints.allowsTempoStep(from: bpm, to: nodes[candidate].bpm) {
                            nextUnvisited[bucket][position] = position + 1
                            queue.append((candidate, level + 1))
                            reached = min(reached.lowerBound, nodes[candidate].bpm)...max(reached.upperBound, nodes[candidate].bpm)
                        }
                        position = firstUnvisited(bucket, position + 1)
                    }
                }
            }
        }
        return Result(minimumTransitions: nil, reachedTempo: reached)
    }
}

import DJModel

/// Every track's best successors as node indices, best first, in one flat table of `width`
/// slots per track (−1 marks an empty slot): the compact form of the graph, 4 bytes per edge,
/// for storing a large graph without holding every edge's score and components at once.
public struct SuccessorTable: Sendable {
    /// Slots per track (the neighbours asked for).
    public let width: Int
    /// `count × width` node indices, −1 where a track has fewer successors.
    let targets: [Int32]

    /// The successors of `node`, best first.
    public func successors(of node: Int) -> ArraySlice<Int32> {
        let row = targets[(node * width)..<((node + 1) * width)]
        return row.prefix { $0 >= 0 }
    }

    /// The successors of `source`, best first, as scored edges (score and components from
    /// `scorer`, the one the table was built with).
    public func edges(of source: Int, nodes: [TrackNode], scorer: TransitionScorer) -> [TrackGraph.Edge] {
        successors(of: source).map { target in
            let (score, components) = scorer.score(from: nodes[source], to: nodes[Int(target)])
            return TrackGraph.Edge(target: Int(target), score: score, components: components)
        }
    }
}

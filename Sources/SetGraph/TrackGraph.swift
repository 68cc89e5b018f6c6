import DJModel

/// The k-nearest track graph: every track's best-scoring successors, plus the scorer for pairs
/// that are not stored (the last step of a bridge).
public struct TrackGraph: Sendable {
    /// A stored edge.
    public struct Edge: Sendable, Hashable {
        /// Index of the target node.
        public var target: Int
        /// Weighted score 0…1.
        public var score: Double
        /// The score's parts.
        public var components: Transition.Components

        /// Creates an edge.
        public init(target: Int, score: Double, components: Transition.Components) {
            self.target = target
            self.score = score
            self.components = components
        }
    }

    /// The tracks.
    public let nodes: [TrackNode]
    /// Outgoing edges per node, best first.
    public let adjacency: [[Edge]]
    /// The scorer the edges were built with.
    public let scorer: TransitionScorer
    private let indexById: [TrackID: Int]

    /// Builds the graph by scoring every ordered pair and keeping each node's `neighbors` best
    /// successors. O(n² · d) for n tracks and vectors of d dimensions.
    public init(nodes: [TrackNode], scorer: TransitionScorer = TransitionScorer(), neighbors: Int = 24) throws(SetGraphError) {
        guard neighbors >= 1 else { throw .invalidParameter("neighbours per track must be at least 1") }
        var adjacency: [[Edge]] = []
        adjacency.reserveCapacity(nodes.count)
        for (sourceIndex, source) in nodes.enumerated() {
            var edges: [Edge] = []
            for (targetIndex, target) in nodes.enumerated() where targetIndex != sourceIndex {
                let (score, components) = scorer.score(from: source, to: target)
                edges.append(Edge(target: targetIndex, score: score, components: components))
            }
            edges.sort { $0.score > $1.score || ($0.score == $1.score && $0.target < $1.target) }
            adjacency.append(Array(edges.prefix(neighbors)))
        }
        self.init(nodes: nodes, adjacency: adjacency, scorer: scorer)
    }

    /// Wraps stored nodes and edges.
    public init(nodes: [TrackNode], adjacency: [[Edge]], scorer: TransitionScorer) {
        self.nodes = nodes
        self.adjacency = adjacency
        self.scorer = scorer
        var index: [TrackID: Int] = [:]
        for (position, node) in nodes.enumerated() { index[node.id] = position }
        indexById = index
    }

    /// The node index of a track id, or `nil`.
    public func index(of id: TrackID) -> Int? { indexById[id] }

    /// The score of playing node `to` after node `from` (stored edge or computed).
    public func edge(from: Int, to: Int) -> Edge {
        if let stored = adjacency[from].first(where: { $0.target == to }) { return stored }
        let (score, components) = scorer.score(from: nodes[from], to: nodes[to])
        return Edge(target: to, score: score, components: components)
    }
}

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
    /// The lowest cost (1 − score) of any stored edge, 0…1 (A*'s heuristic).
    public let cheapestEdgeCost: Double
    /// The most any track fills in a bridge (``TrackNode/bridgeSeconds``), seconds (at least 1).
    public let longestDuration: Double
    /// The least any track fills in a bridge, seconds (0 for an empty graph).
    public let shortestDuration: Double
    /// Node indices in ascending tempo: the index a bridge search walks for tracks that close the
    /// tempo distance to its goal, and exact reachability uses (O(n log n) once per graph).
    public let tempoOrder: [Int32]
    /// Each node's artist and album (or label) as a number, equal for equal names (compared
    /// case-insensitively, as the nodes store them); 0 when unknown. What the spacing rules compare.
    public let artistNumbers: [Int32], albumNumbers: [Int32]
    private let indexById: [TrackID: Int]

    /// Builds the graph: every track's `neighbors` best successors among the tracks within its
    /// tempo windows (straight, half and double time; see ``TrackGraphBuilder``), scored by
    /// `scorer`, with the work split over `threads` workers.
    public init(nodes: [TrackNode], scorer: TransitionScorer = TransitionScorer(), neighbors: Int = 24,
                threads: Int = 1) throws(SetGraphError) {
        guard neighbors >= 1 else { throw .invalidParameter(InvalidParameter("neighbours per track", "must be at least 1")) }
        guard (1...256).contains(threads) else { throw .invalidParameter(InvalidParameter("threads", "must be 1…256, got \(threads)")) }
        let builder = TrackGraphBuilder(nodes: nodes, scorer: scorer, neighbors: neighbors, threads: threads)
        self.init(nodes: nodes, adjacency: builder.adjacency(), scorer: scorer)
    }

    /// The successors the graph would hold, as node indices without scores (see
    /// ``SuccessorTable``): what a caller storing a large graph builds instead of the graph.
    public static func successorTable(nodes: [TrackNode], scorer: TransitionScorer = TransitionScorer(), neighbors: Int = 24,
                                      threads: Int = 1) throws(SetGraphError) -> SuccessorTable {
        guard neighbors >= 1 else { throw .invalidParameter(InvalidParameter("neighbours per track", "must be at least 1")) }
        guard (1...256).contains(threads) else { throw .invalidParameter(InvalidParameter("threads", "must be 1…256, got \(threads)")) }
        return TrackGraphBuilder(nodes: nodes, scorer: scorer, neighbors: neighbors, threads: threads).successorTable()
    }

    /// Wraps stored nodes and edges.
    public init(nodes: [TrackNode], adjacency: [[Edge]], scorer: TransitionScorer) {
        self.nodes = nodes
        self.adjacency = adjacency
        self.scorer = scorer
        var cheapest = 1.0
        for edges in adjacency { for edge in edges { cheapest = min(cheapest, 1 - edge.score) } }
        cheapestEdgeCost = max(0, cheapest)
        longestDuration = max(1, nodes.map(\.bridgeSeconds).max() ?? 1)
        shortestDuration = max(0, nodes.map(\.bridgeSeconds).min() ?? 0)
        tempoOrder = nodes.indices.sorted { nodes[$0].bpm < nodes[$1].bpm }.map { Int32($0) }
        artistNumbers = Self.numbers(nodes.map(\.artist))
        albumNumbers = Self.numbers(nodes.map(\.album))
        var index: [TrackID: Int] = [:]
        for (position, node) in nodes.enumerated() { index[node.id] = position }
        indexById = index
    }

    /// A number per name, the same for equal names, from 1 in order of first appearance; 0 for an empty name.
    static func numbers(_ names: [String]) -> [Int32] {
        var numbers: [String: Int32] = [:]
        return names.map { name in
            guard !name.isEmpty else { return 0 }
            if let number = numbers[name] { return number }
            let number = Int32(numbers.count + 1)
            numbers[name] = number
            return number
        }
    }

    /// The node index of a track id, or `nil`.
    public func index(of id: TrackID) -> Int? { indexById[id] }

    /// The positions in ``tempoOrder`` of the tracks whose tempo lies in `range`. O(log n).
    public func tempoPositions(in range: ClosedRange<Double>) -> Range<Int> {
        func firstPosition(where isAfter: (Double) -> Bool) -> Int {
            var low = 0, high = tempoOrder.count
            while low < high {
                let middle = (low + high) / 2
                if isAfter(nodes[Int(tempoOrder[middle])].bpm) { high = middle } else { low = middle + 1 }
            }
            return low
        }
        let lower = firstPosition { $0 >= range.lowerBound }
        return lower..<max(lower, firstPosition { $0 > range.upperBound })
    }

    /// The score of playing node `to` after node `from` (stored edge or computed).
    public func edge(from: Int, to: Int) -> Edge {
        if let stored = adjacency[from].first(where: { $0.target == to }) { return stored }
        let (score, components) = scorer.score(from: nodes[from], to: nodes[to])
        return Edge(target: to, score: score, components: components)
    }
}

/// An ordered path through the track graph with its transitions and objective.
public struct PlannedPath: Sendable, Hashable {
    /// Node indices in play order.
    public var nodes: [Int]
    /// The edge of each consecutive pair.
    public var edges: [TrackGraph.Edge]
    /// Playing time in seconds, overlaps deducted.
    public var duration: Double
    /// The value the search maximised (beam search) or minimised cost of (A*), for reports.
    public var objective: Double

    /// Creates a path.
    public init(nodes: [Int], edges: [TrackGraph.Edge], duration: Double, objective: Double) {
        self.nodes = nodes
        self.edges = edges
        self.duration = duration
        self.objective = objective
    }

    /// Mean transition score (0 for a single track).
    public var meanScore: Double { edges.isEmpty ? 0 : edges.reduce(0) { $0 + $1.score } / Double(edges.count) }
}

import DJModel

/// Errors of set planning.
public enum SetGraphError: ParameterError, Sendable, Equatable, CustomStringConvertible {
    /// A parameter is outside its documented range: which one, and why.
    case invalidParameter(InvalidParameter)
    /// A node index a planner was given lies outside the graph (`index` of `count` nodes): a
    /// caller's mistake, since callers map track ids to nodes first.
    case unknownNode(index: Int, count: Int)
    /// No set or bridge satisfies the constraints; the message says why and what to relax.
    case noPath(String)

    /// The first of `indices` that lies outside `graph`, as an error, or `nil` when all are inside.
    static func outside(_ indices: [Int], of graph: TrackGraph) -> SetGraphError? {
        indices.first { !graph.nodes.indices.contains($0) }.map { .unknownNode(index: $0, count: graph.nodes.count) }
    }

    public var description: String {
        switch self {
        case .invalidParameter(let problem): return problem.description
        case .unknownNode(let index, let count): return "node \(index) is not in the track graph (it has \(count) tracks)"
        case .noPath(let message): return message
        }
    }
}

extension SetGraphError {
    /// The parameter at fault, for an `invalidParameter` error.
    public var parameterProblem: InvalidParameter? {
        if case .invalidParameter(let problem) = self { return problem }
        return nil
    }
}

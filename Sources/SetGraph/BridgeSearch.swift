import Dispatch
import HeapModule

/// One A* run of ``AStarBridgePlanner``: the search state (an arena of states, the open list, the
/// merged states) and its steps — take the next entry, accept a finished bridge, admit a state
/// (budget and state merging), step into the goal, push the successors.
struct BridgeSearch {
    /// A search state in the arena: the node reached, its parent state, the edge taken, the cost
    /// and the intermediate playing time so far. Paths are rebuilt by following parents, so a
    /// state costs no array copies.
    struct ArenaState {
        var node: Int
        var parent: Int
        var edge: TrackGraph.Edge?
        var cost: Double
        var elapsed: Double
    }

    /// An open-list entry: the estimate and the arena index of its state.
    struct OpenEntry: Comparable {
        var estimate: Double
        var state: Int
        var reachedGoal: Bool

        static func < (lhs: OpenEntry, rhs: OpenEntry) -> Bool { (lhs.estimate, lhs.state) < (rhs.estimate, rhs.state) }
    }

    let planner: AStarBridgePlanner
    let start: Int, goal: Int
    let graph: TrackGraph
    let count: Int, maxShared: Double, deadline: UInt64?
    let everyAllowed: Bool, weight: Double
    let distances: GoalDistances
    /// The intermediate playing time a bridge may have (the asked length ± the tolerance).
    let low: Double, high: Double
    let bounds: BridgeStepBounds
    let drift: DriftReference

    private var arena: [ArenaState]
    private var open = Heap<OpenEntry>()
    private var closed = Set<Int>()
    private var histories: [Int: Int] = [:]
    private var expansions = 0
    private var found: [PlannedPath] = []
    private var cheapestGoal: OpenEntry?
    /// Per expanded node, its closing successors that are not among its stored edges.
    private var progress: [Int: [TrackGraph.Edge]] = [:]

    /// Prepares a run from `start` to `goal` with about `seconds` of music between them.
    init(planner: AStarBridgePlanner, from start: Int, to goal: Int, seconds: Double, in graph: TrackGraph, count: Int,
         maxShared: Double, deadline: UInt64?, everyAllowed: Bool, weight: Double, distances: GoalDistances) {
        self.planner = planner
        self.start = start
        self.goal = goal
        self.graph = graph
        self.count = count
        self.maxShared = maxShared
        self.deadline = deadline
        self.everyAllowed = everyAllowed
        self.weight = weight
        self.distances = distances
        low = seconds - planner.toleranceSeconds
        high = seconds + planner.toleranceSeconds
        bounds = BridgeStepBounds(constraints: planner.constraints, weights: graph.scorer.weights)
        drift = AStarBridgePlanner.drift(from: start, to: goal, in: graph)
        arena = [ArenaState(node: start, parent: -1, edge: nil, cost: 0, elapsed: 0)]
    }

    /// Runs the search; an empty answer when it finds no bridge.
    mutating func run() -> [PlannedPath] {
        let startSteps = AStarBridgePlanner.transitionsLeft(from: start, to: goal, bounds: bounds, distances: distances, in: graph)
        open.insert(OpenEntry(estimate: startSteps.map { heuristic(start, 0, transitionsLeft: $0) } ?? 0, state: 0, reachedGoal: false))
        while let entry = open.popMin() {
            if entry.reachedGoal {
                if accept(entry) { return found }
                continue
            }
            expansions += 1
            if expansions > planner.maxExpansions { break }
            if expansions % 1024 == 0, let deadline, DispatchTime.now().uptimeNanoseconds > deadline { break }
            guard admit(entry) else { continue }
            let state = arena[entry.state]
            let visited = path(to: entry.state)
            // Finish: step into the goal when the intermediate time fits.
            if visited.count > 1, (low...high).contains(state.elapsed),
               planner.allowsGoal(goal, after: visited, start: start, graph: graph) {
                pushGoal(after: entry)
            }
            guard state.elapsed < high else { continue }
            pushSuccessors(of: entry, visited: visited)
        }
        if !found.isEmpty { return found }
        if let cheapestGoal { return [plannedPath(cheapestGoal)] }
        return []
    }

    /// A lower bound on the cost from `node` to the goal (see ``AStarBridgePlanner``'s notes),
    /// given the fewest transitions left from it (``AStarBridgePlanner/transitionsLeft``).
    private func heuristic(_ node: Int, _ elapsed: Double, transitionsLeft steps: Int) -> Double {
        let cheapest = graph.cheapestEdgeCost
        // The first step leaves `node`: it costs at least that track's cheapest stored edge.
        let first = graph.adjacency[node].first.map { max(cheapest, 1 - $0.score) } ?? 0
        let byCount = first + cheapest * max(0, ((low - elapsed) / graph.longestDuration).rounded(.up), Double(steps - 1))
        let byDistance = bounds.costBound(from: graph.nodes[node].bpm, graph.nodes[node].key, to: graph.nodes[goal].bpm, graph.nodes[goal].key)
        return max(byCount, byDistance)
    }

    /// A finished bridge off the open list: kept when it shares at most `maxShared` of its middle
    /// with every bridge kept before. Whether enough are found.
    private mutating func accept(_ entry: OpenEntry) -> Bool {
        let candidate = plannedPath(entry)
        let middle = Set(candidate.nodes.dropFirst().dropLast())
        if found.allSatisfy({ other in
            Double(middle.intersection(other.nodes.dropFirst().dropLast()).count) <= maxShared * Double(max(middle.count, other.nodes.count - 2, 1))
        }) {
            found.append(candidate)
        }
        return found.count == count
    }

    /// Whether the state is expanded: states merge on (node, previous node, 15-second bucket of
    /// elapsed time), and at most ``AStarBridgePlanner/historiesPerPlace`` histories per (node,
    /// bucket) are expanded.
    private mutating func admit(_ entry: OpenEntry) -> Bool {
        let state = arena[entry.state]
        let previous = state.parent >= 0 ? arena[state.parent].node : state.node
        let timeBucket = min(8191, Int(saturating: state.elapsed / 15))
        let place = (state.node << 13) | timeBucket
        let bucket = (state.node << 33) | (previous << 13) | timeBucket
        if closed.contains(bucket) || histories[place, default: 0] >= planner.historiesPerPlace { return false }
        closed.insert(bucket)
        histories[place, default: 0] += 1
        return true
    }

    /// Steps from the entry's state into the goal and keeps the cheapest such bridge met.
    private mutating func pushGoal(after entry: OpenEntry) {
        let state = arena[entry.state]
        let edge = graph.edge(from: state.node, to: goal)
        arena.append(ArenaState(node: goal, parent: entry.state, edge: edge, cost: state.cost + 1 - edge.score,
                                elapsed: state.elapsed + graph.nodes[goal].bridgeSeconds))
        let goalEntry = OpenEntry(estimate: state.cost + 1 - edge.score, state: arena.count - 1, reachedGoal: true)
        open.insert(goalEntry)
        if cheapestGoal.map({ goalEntry < $0 }) ?? true { cheapestGoal = goalEntry }
    }

    /// Pushes every successor the rules allow (stored edges and the tracks that close the distance
    /// to the goal) whose remaining transitions can still fit in the time left.
    private mutating func pushSuccessors(of entry: OpenEntry, visited: [Int]) {
        // Read once into locals, so the loop does not go through `self` (which this method
        // mutates) for the graph and the rules.
        let graph = self.graph, constraints = planner.constraints
        let state = arena[entry.state]
        let stored = graph.adjacency[state.node]
        let extra: [TrackGraph.Edge]
        if let cached = progress[state.node] {
            extra = cached
        } else {
            extra = planner.progressEdges(from: state.node, to: goal, drift: drift, bounds: bounds, distances: distances, in: graph,
                                          everyAllowed: everyAllowed)
                .filter { edge in !stored.contains { $0.target == edge.target } }
            progress[state.node] = extra
        }
        let shortest = graph.shortestDuration
        for edge in stored + extra where edge.target != goal
            && constraints.allows(edge.target, after: visited, drift: drift, in: graph) {
            let elapsed = state.elapsed + graph.nodes[edge.target].bridgeSeconds
            guard elapsed <= high,
                  let left = AStarBridgePlanner.transitionsLeft(from: edge.target, to: goal, bounds: bounds, distances: distances, in: graph),
                  // The tracks still needed after this one must fit in the time left.
                  elapsed + Double(left - 1) * shortest <= high else { continue }
            let estimate = heuristic(edge.target, elapsed, transitionsLeft: left)
            let cost = state.cost + 1 - edge.score
            arena.append(ArenaState(node: edge.target, parent: entry.state, edge: edge, cost: cost, elapsed: elapsed))
            open.insert(OpenEntry(estimate: cost + weight * estimate, state: arena.count - 1, reachedGoal: false))
        }
    }

    /// The nodes from the start to `state`.
    private func path(to state: Int) -> [Int] {
        var nodesOnPath: [Int] = []
        var cursor = state
        while cursor >= 0 { nodesOnPath.append(arena[cursor].node); cursor = arena[cursor].parent }
        return nodesOnPath.reversed()
    }

    /// The bridge that ends at `entry`'s state.
    private func plannedPath(_ entry: OpenEntry) -> PlannedPath {
        var edges: [TrackGraph.Edge] = []
        var cursor = entry.state
        while cursor >= 0, let edge = arena[cursor].edge { edges.append(edge); cursor = arena[cursor].parent }
        let state = arena[entry.state]
        return PlannedPath(nodes: path(to: entry.state), edges: edges.reversed(), duration: state.elapsed - graph.nodes[goal].bridgeSeconds,
                           objective: state.cost)
    }
}

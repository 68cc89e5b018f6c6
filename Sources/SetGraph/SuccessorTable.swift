/// Every track's best successors as node indices, best first, in one flat table of `width`
/// slots per track (−1 marks an empty slot): the compact form of the graph, 4 bytes per edge,
/// for storing a large graph without holding every edge's score and components at once.
public struct SuccessorTable: Sendable {
    /// Slots per track (the neighbours asked for).
    public let width: Int
    /// `count × width` node indices, −1 where a track has fewer successors.
    let targets: [Int32]

    /// The number of tracks.
    public var count: Int { width == 0 ? 0 : targets.count / width }

    /// The successors of `node`, best first.
    public func successors(of node: Int) -> ArraySlice<Int32> {
        let row = targets[(node * width)..<((node + 1) * width)]
        return row.prefix { $0 >= 0 }
    }
}

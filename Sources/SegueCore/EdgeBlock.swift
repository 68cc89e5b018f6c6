import DJModel
import Dispatch
import Library
import SetGraph

/// The stored edges of a block of consecutive sources, scored with their components on every
/// worker: what `buildGraph` hands the library a block at a time.
struct EdgeBlock {
    /// The first source of the block.
    let first: Int
    /// Each source's edges, best first.
    let rows: [[TrackLibrary.StoredEdge]]

    /// An already computed block.
    init(first: Int, rows: [[TrackLibrary.StoredEdge]]) {
        self.first = first
        self.rows = rows
    }

    /// Scores the successors of `sources` from `table` with `scorer`, split over `threads` workers.
    init(sources: Range<Int>, table: SuccessorTable, nodes: [TrackNode], scorer: TransitionScorer, threads: Int) {
        first = sources.lowerBound
        var rows = [[TrackLibrary.StoredEdge]](repeating: [], count: sources.count)
        rows.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: threads) { worker in
                // Each worker fills its own rows.
                for offset in stride(from: worker, to: sources.count, by: threads) {
                    let source = sources.lowerBound + offset
                    output[offset] = table.edges(of: source, nodes: nodes, scorer: scorer).map { edge in
                        let c = edge.components
                        return TrackLibrary.StoredEdge(source: nodes[source].id, target: nodes[edge.target].id, score: edge.score,
                                                       als: c.als, content: c.content, bpm: c.bpm, key: c.key, energy: c.energy)
                    }
                }
            }
        }
        self.rows = rows
    }

    /// Whether the block holds `source`.
    func holds(_ source: Int) -> Bool { source >= first && source < first + rows.count }

    /// The edges of a source the block holds.
    func edges(of source: Int) -> [TrackLibrary.StoredEdge] { rows[source - first] }
}

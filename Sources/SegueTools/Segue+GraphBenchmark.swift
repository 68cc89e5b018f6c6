import Dispatch
import DJModel
import Foundation
import SegueCore
import SegueMath
import SetGraph

/// What `segue bench-graph` measured: the successor build on the library's own tracks, and its
/// recall against the reference scan on a sample of sources.
public struct GraphBenchmark: Sendable {
    /// Tracks in the graph and successors kept per track.
    public var tracks: Int, neighbors: Int
    /// Seconds to read the nodes from the library and to build every track's successors.
    public var loadSeconds: Double, buildSeconds: Double
    /// Sources checked against ``ReferenceSuccessors``.
    public var sampled: Int
    /// Share of the reference successors the build found (a found target whose score ties the
    /// reference's k-th best counts), over the sample.
    public var recall: Double
    /// Milliseconds per source of the reference scan (every track scored).
    public var referenceMillisecondsPerSource: Double
}

extension Segue {
    /// Builds the successor table from the stored nodes (without storing it) and checks `sample`
    /// random sources against the reference scan over every track.
    public func benchmarkGraph(neighbors: Int = 24, sample: Int = 200, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                               seed: UInt64 = 5) throws(SegueError) -> GraphBenchmark {
        guard (1...256).contains(threads) else { throw SegueError(.invalidInput, "threads must be 1…256, got \(threads)") }
        guard sample >= 0 else { throw SegueError(.invalidInput, "the sample must not be negative") }
        var clock = Date()
        func lap() -> Double { let now = Date(); defer { clock = now }; return now.timeIntervalSince(clock) }
        let nodes = try graphNodes()
        guard !nodes.isEmpty else { throw SegueError(.unsatisfiable, "the library has no analysed tracks") }
        let loadSeconds = lap()
        let scorer = TransitionScorer(weights: try storedWeights())
        let table: SuccessorTable
        do { table = try TrackGraph.successorTable(nodes: nodes, scorer: scorer, neighbors: neighbors, threads: threads) } catch {
            throw SegueError.wrap(error, as: .invalidInput)
        }
        let buildSeconds = lap()
        var random = SeededGenerator(seed: seed)
        let sources = (0..<min(sample, nodes.count)).map { _ in Int(random.next() % UInt64(nodes.count)) }
        let found = ResultSlots(count: sources.count)
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            for slot in stride(from: worker, to: sources.count, by: threads) {
                let source = sources[slot]
                let reference = ReferenceSuccessors.best(of: source, among: nodes, scorer: scorer, neighbors: neighbors)
                guard let kth = reference.last?.score else { found.set(slot, (0, 0)); continue }
                let built = table.successors(of: source)
                let hits = built.filter { scorer.score(from: nodes[source], to: nodes[Int($0)]).score >= kth - 1e-9 }.count
                found.set(slot, (min(hits, reference.count), reference.count))
            }
        }
        let referenceSeconds = lap()
        let totals = found.values.reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
        return GraphBenchmark(tracks: nodes.count, neighbors: neighbors, loadSeconds: loadSeconds, buildSeconds: buildSeconds,
                              sampled: sources.count, recall: totals.1 == 0 ? 1 : Double(totals.0) / Double(totals.1),
                              referenceMillisecondsPerSource: sources.isEmpty ? 0 : referenceSeconds * 1000 * Double(threads) / Double(sources.count))
    }
}

/// One (found, expected) count per sampled source, each slot written by one worker.
private final class ResultSlots: @unchecked Sendable {
    private var storage: [(Int, Int)]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: (0, 0), count: count) }

    func set(_ slot: Int, _ value: (Int, Int)) { lock.withLock { storage[slot] = value } }

    var values: [(Int, Int)] { lock.withLock { storage } }
}

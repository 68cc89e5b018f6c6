import DJModel
import Foundation
import SegueCore
import SegueTools
import SetGraph
import Testing

/// The stored graph of a generated catalogue: built by the compact successor table and stored a
/// source at a time, it equals the in-memory graph, and the benchmark's recall against the
/// reference scan is exact.
struct GraphBenchmarkTests {
    @Test func storedGraphEqualsTheInMemoryBuildAndRecallIsExact() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("segue-graph-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        do {
            let segue = try Segue(libraryPath: path)
            let report = try segue.synthesizeCatalogue(tracks: 1200, seed: 4, threads: 2)
            #expect(report.edges == 1200 * 24)
            let stored = try segue.loadGraph()
            let built = try TrackGraph(nodes: stored.nodes, scorer: stored.scorer, neighbors: 24, threads: 2)
            for source in stored.nodes.indices {
                // Stored scores are Float32, so near-ties may swap places: compare the successor sets.
                #expect(Set(stored.adjacency[source].map(\.target)) == Set(built.adjacency[source].map(\.target)), "source \(source)")
            }
            let benchmark = try segue.benchmarkGraph(neighbors: 24, sample: 60, threads: 2)
            #expect(benchmark.tracks == 1200 && benchmark.sampled == 60)
            #expect(benchmark.recall == 1)
        }
    }
}

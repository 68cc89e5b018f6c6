import DJModel
import SetGraph
import Testing

/// A bridge counts what its middle tracks fill when mixed — from where each comes in to where the
/// next comes in — not their whole lengths.
struct BridgeCueTests {
    @Test func bridgesCountTheTimeBetweenCues() throws {
        let key = MusicalKey(tonic: 9, mode: .minor)
        // Five-minute tracks that come in 10 s in and hand over 60 s before their end: 230 s each.
        var nodes: [TrackNode] = []
        for index in 0..<8 {
            let bpm: Double = 120 + Double(index) / 2
            let vector: [Float] = [Float(index % 3), 1, Float(index % 2)]
            nodes.append(TrackNode(id: TrackID(Int64(index + 1)), artist: "artist \(index)", duration: 300, bpm: bpm, key: key,
                                   energy: 5, alsVector: nil, contentVector: vector, cueIn: 10, cueOut: 240))
        }
        #expect(nodes[0].bridgeSeconds == 230)
        let graph = try TrackGraph(nodes: nodes, neighbors: 7)
        #expect(graph.longestDuration == 230 && graph.shortestDuration == 230)
        // Three middle tracks fill 690 s: an 11.5-minute bridge, where whole lengths would need 2.3 tracks.
        let answer = try AStarBridgePlanner(toleranceSeconds: 30).nearestLengthBridges(from: 0, to: 7, seconds: 690, in: graph, count: 1)
        let path = try #require(answer.paths.first)
        #expect(path.nodes.count == 5, "three tracks between the ends: \(path.nodes.map(String.init))")
        #expect(abs(path.duration - 690) < 1e-9)
        #expect(answer.note == nil)
    }
}

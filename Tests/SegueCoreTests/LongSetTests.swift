import DJModel
import SegueCore
import SegueMath
import SegueTools
import SetGraph
import Testing

/// Sets longer than a library can fill: the answer is the longest set the rules allow, and it
/// never shrinks as the asked length grows.
struct LongSetTests {
    /// The demo catalogue's 64 tracks as the planner sees them (their written tempo, key, length
    /// and artist; content vectors by scene, so that scenes cluster as in the analysed library).
    static func demoGraph() throws -> TrackGraph {
        let catalogue = try DemoCatalogue()
        var random = SeededGenerator(seed: 7)
        let nodes = catalogue.items.enumerated().map { index, item in
            var content = (0..<8).map { _ in Float(Double(random.next() % 1000) / 1000 - 0.5) * 0.5 }
            content[item.scene] += 1
            return TrackNode(id: TrackID(Int64(index + 1)), artist: item.artist, duration: item.spec.duration, bpm: item.spec.bpm,
                             key: item.spec.key, energy: 3 + index % 5, alsVector: nil, contentVector: content)
        }
        return try TrackGraph(nodes: nodes)
    }

    @Test func demoSetLengthNeverDecreasesAsTheAskedMinutesGrow() throws {
        let graph = try Self.demoGraph()
        let planner = try BeamSearchPlanner()
        // A seed in the largest scene (house and trance), where a 10-hour request runs out of tracks.
        let seed = try #require(graph.nodes.firstIndex { $0.bpm >= 120 && $0.bpm <= 126 })
        var previous = (minutes: 0, tracks: 0, duration: 0.0)
        var reachedTheEnd = false
        for minutes in stride(from: 30, through: 600, by: 30) {
            let path = try planner.plan(from: seed, in: graph, objective: SetObjective(targetSeconds: Double(minutes) * 60))
            #expect(path.nodes.count >= previous.tracks,
                    "\(minutes) minutes gave \(path.nodes.count) tracks, fewer than the \(previous.tracks) of \(previous.minutes) minutes")
            #expect(path.duration >= previous.duration - 1,
                    "\(minutes) minutes gave \(Int(path.duration / 60)) min, less than the \(Int(previous.duration / 60)) of \(previous.minutes)")
            if path.duration < 0.9 * Double(minutes) * 60 { reachedTheEnd = true }
            previous = (minutes, path.nodes.count, path.duration)
        }
        // The check only means something if the library ran out before 600 minutes.
        #expect(reachedTheEnd)
        #expect(previous.tracks > 10, "a 600-minute request gave only \(previous.tracks) tracks")
    }
}

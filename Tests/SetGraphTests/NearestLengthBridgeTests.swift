import DJModel
import SetGraph
import Testing

/// The bridge contract: the asked length when it exists, else the nearest that does with a note,
/// and an error naming the rule and the relaxation when none exists at any length.
struct NearestLengthBridgeTests {
    /// Five-minute tracks at the given tempi, one artist each, all in 8A.
    static func graph(tempi: [Double]) throws -> TrackGraph {
        let key = MusicalKey(tonic: 9, mode: .minor)
        let nodes = tempi.enumerated().map { index, bpm in
            TrackNode(id: TrackID(Int64(index + 1)), artist: "artist \(index)", duration: 300, bpm: bpm, key: key, energy: 5,
                      alsVector: nil, contentVector: [Float(index % 3), 1, Float(index % 2)])
        }
        return try TrackGraph(nodes: nodes, neighbors: 4)
    }

    @Test func aTooShortRequestGetsTheShortestBridgeThatFitsWithANote() throws {
        // 100 → 130 BPM in steps of at most 8 % needs four transitions: three tracks between.
        let graph = try Self.graph(tempi: [100, 107, 114, 121, 130, 101, 108, 115, 122, 129])
        let planner = try AStarBridgePlanner(toleranceSeconds: 150)
        let answer = try planner.nearestLengthBridges(from: 0, to: 4, seconds: 300, in: graph, count: 1)
        let path = try #require(answer.paths.first)
        #expect(path.nodes.count - 2 >= 3, "\(path.nodes)")
        #expect(answer.plannedSeconds > 300)
        #expect(path.duration <= AStarBridgePlanner.longestAnswerFactor * 300 + 150)
        let note = try #require(answer.note)
        #expect(note.contains("needs at least 3 tracks"), "\(note)")
        // The asked length answers without a note when it exists.
        let exact = try planner.nearestLengthBridges(from: 0, to: 4, seconds: 900, in: graph, count: 1)
        #expect(exact.note == nil && exact.plannedSeconds == 900)
    }

    @Test func aTooLongRequestGetsTheLongestBridgeTheLibraryHolds() throws {
        let graph = try Self.graph(tempi: [120, 121, 122, 123, 124])
        let answer = try AStarBridgePlanner(toleranceSeconds: 150).nearestLengthBridges(from: 0, to: 4, seconds: 3_600, in: graph, count: 1)
        let path = try #require(answer.paths.first)
        #expect(path.nodes.count == 5, "all three tracks between the ends: \(path.nodes)")
        #expect(answer.plannedSeconds < 3_600)
        #expect(answer.note?.contains("the nearest lasts 15 minutes") == true, "\(answer.note ?? "no note")")
    }

    @Test func noBridgeAtAnyLengthNamesTheRuleAndTheRelaxation() throws {
        // Nothing between 104 and 118 BPM: a 13 % gap that 8 % steps cannot cross, 16 % steps can.
        let graph = try Self.graph(tempi: [96, 100, 104, 118, 122, 126])
        let planner = try AStarBridgePlanner(constraints: try SetConstraints(maxDriftPercent: 10), toleranceSeconds: 150)
        do {
            _ = try planner.nearestLengthBridges(from: 0, to: 5, seconds: 600, in: graph, count: 1)
            Issue.record("expected no bridge")
        } catch {
            #expect(error.description.contains("at any length"), "\(error)")
            #expect(error.description.contains("96–104 BPM"), "\(error)")
            #expect(error.description.contains("tempo steps of 16 % would link them"), "\(error)")
        }
    }

    @Test func aKeyRuleThatSeparatesTwoTracksIsNamed() throws {
        let keys = ["8A", "8A", "9A", "2B"].map { MusicalKey(parsing: $0)! }
        let nodes = keys.enumerated().map { index, key in
            TrackNode(id: TrackID(Int64(index + 1)), artist: "artist \(index)", duration: 300, bpm: 124, key: key, energy: 5,
                      alsVector: nil, contentVector: [1, Float(index)])
        }
        let graph = try TrackGraph(nodes: nodes, neighbors: 3)
        let planner = try AStarBridgePlanner(constraints: try SetConstraints(keyRule: .strict), toleranceSeconds: 150)
        #expect(throws: SetGraphError.self) { try planner.nearestLengthBridges(from: 0, to: 3, seconds: 300, in: graph, count: 1) }
        do { _ = try planner.nearestLengthBridges(from: 0, to: 3, seconds: 300, in: graph, count: 1) } catch {
            #expect(error.description.contains("any key move would link them"), "\(error)")
        }
    }
}

import DJModel
import Dispatch
import SetGraph
import Testing

@Suite("Alternatives and time budgets")
struct AlternativesTests {
    @Test("beam search offers distinct alternatives, the first being its best set")
    func beamAlternatives() throws {
        let graph = try TrackGraph(nodes: GraphFixtures.nodes(count: 60, seed: 17), neighbors: 20)
        let planner = try BeamSearchPlanner(energyArc: .rise)
        let objective = SetObjective(targetSeconds: 30 * 60)
        let best = try planner.plan(from: 0, in: graph, objective: objective)
        let options = try planner.plans(from: 0, in: graph, objective: objective, count: 3)
        #expect(options.count == 3)
        #expect(options[0] == best)
        for (index, option) in options.enumerated() {
            #expect(option.nodes.first == 0 && Set(option.nodes).count == option.nodes.count)
            if index > 0 { #expect(option.objective <= options[index - 1].objective) }
            for other in options[..<index] {
                let shared = Set(option.nodes.dropFirst()).intersection(other.nodes.dropFirst()).count
                #expect(Double(shared) <= 0.5 * Double(max(option.nodes.count, other.nodes.count) - 1))
            }
        }
        #expect(throws: SetGraphError.self) { try planner.plans(from: 0, in: graph, objective: objective, count: 0) }
    }

    @Test("A* offers distinct bridges, cheapest first")
    func bridgeAlternatives() throws {
        let graph = try TrackGraph(nodes: GraphFixtures.nodes(count: 60, seed: 23), neighbors: 20)
        let planner = try AStarBridgePlanner()
        let best = try planner.bridge(from: 0, to: 1, seconds: 15 * 60, in: graph)
        let options = try planner.bridges(from: 0, to: 1, seconds: 15 * 60, in: graph, count: 3)
        #expect(options[0] == best)
        #expect(options.count >= 2)
        for (index, option) in options.enumerated() {
            #expect(option.nodes.first == 0 && option.nodes.last == 1)
            if index > 0 { #expect(option.objective >= options[index - 1].objective - 1e-12) }
        }
    }

    @Test("an expired time budget ends the search at once with an answer or a reason")
    func budgets() throws {
        let graph = try TrackGraph(nodes: GraphFixtures.nodes(count: 60, seed: 29), neighbors: 20)
        let past = DispatchTime.now().uptimeNanoseconds - 1
        #expect(throws: SetGraphError.self) {
            try BeamSearchPlanner(width: 10_000, energyArc: nil).plans(from: 0, in: graph, objective: SetObjective(targetSeconds: 3600), count: 1, deadline: past)
        }
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try? AStarBridgePlanner(maxExpansions: 10_000_000).bridges(from: 0, to: 1, seconds: 300 * 60, in: graph, count: 1, deadline: past)
        #expect(DispatchTime.now().uptimeNanoseconds - start < 5_000_000_000)
    }
}

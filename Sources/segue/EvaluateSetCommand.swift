import ArgumentParser
import Foundation
import SegueCore
import SegueTools
import SetGraph

struct EvaluateSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate-set",
        abstract: "Measure how well a set flows: harmonic transitions, tempo changes, energy-arc and duration error, artist repeats, similarity.")

    @Argument(help: "A set document (JSON) written by `segue set`, `segue bridge` or `segue export --format json`.") var setDocument: String
    @Option(help: "Energy arc to measure against: flat, rise, peak, wave or position:energy pairs (default: none).") var energy: String?
    @Option(help: "Target minutes for the duration error (default: none).") var minutes: Double?

    func run() throws {
        let set = try Segue.readSetDocument(at: setDocument)
        let arc = try energy.map(parseEnergy)
        if let minutes { guard minutes > 0 && minutes <= 24 * 60 else { throw ValidationError("minutes must be in (0, 1440]") } }
        let quality = Segue.quality(of: set, arc: arc, targetSeconds: minutes.map { $0 * 60 })
        print("Set of \(set.tracks.count) tracks, " + String(format: "%.1f min", set.duration / 60))
        func format(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
        let arcError = arc == nil ? "n/a (no --energy)" : format(quality.energyArcError, 2) + " steps"
        let durationError = minutes == nil ? "n/a (no --minutes)" : format(quality.durationErrorPercent, 1) + " %"
        print("""
            | measure | value |
            |---|---|
            | harmonic transitions | \(format(quality.harmonicShare * 100, 0)) % of \(quality.transitions) |
            | mean abs ΔBPM | \(format(quality.meanTempoChangePercent, 2)) % |
            | max abs ΔBPM | \(format(quality.maxTempoChangePercent, 2)) % |
            | energy-arc error | \(arcError) |
            | duration error | \(durationError) |
            | artist repeats (within 3 tracks) | \(quality.artistRepeats) |
            | mean similarity (ALS and content) | \(format(quality.meanSimilarity, 3)) |
            """)
    }
}

struct BenchQualityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-quality",
        abstract: "Compare Segue's sets with a greedy nearest-neighbour chain and the seed project's method (same key, ±3 BPM, nearest) on random seeds.")

    @OptionGroup var library: LibraryOption
    @Option(help: "Random seeds to plan from.") var seeds: Int = 50
    @Option(help: "Seed of the random choice of seed tracks.") var randomSeed: UInt64 = 5
    @Option(help: "Minutes per set.") var minutes: Double = 60
    @Option(help: "Energy arc all planners are measured against.") var energy: String = "rise"
    @Option(help: "Weight of the energy-arc error in Segue's objective (0…1).") var energyWeight: Double = BeamSearchPlanner.defaultEnergyArcWeight
    @Option(help: "Weight of the squared tempo step (%) in Segue's objective (0…1).") var tempoStepWeight: Double = BeamSearchPlanner.defaultTempoStepWeight
    @Option(help: "Segue's beam width.") var beamWidth: Int = 64
    @OptionGroup var rules: PlanRuleOptions

    func run() throws {
        let result = try library.open().compareSetQuality(seeds: seeds, minutes: minutes, energy: try parseEnergy(energy), rules: rules.rules,
                                                          energyWeight: energyWeight, tempoStepWeight: tempoStepWeight, beamWidth: beamWidth, seed: randomSeed)
        func format(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
        func table(_ rows: [QualityComparison.Row]) {
            print("| planner | tracks | harmonic % | mean abs ΔBPM % | max abs ΔBPM % | energy-arc error | duration error % | artist repeats | similarity | sum (0–6) |")
            print("|---|---|---|---|---|---|---|---|---|---|")
            for row in rows {
                let q = row.mean
                print("| \(row.planner) | \(format(row.tracks, 1)) | \(format(q.harmonicShare * 100, 1)) | \(format(q.meanTempoChangePercent, 2)) | "
                      + "\(format(q.maxTempoChangePercent, 2)) | \(format(q.energyArcError, 2)) | \(format(q.durationErrorPercent, 1)) | "
                      + "\(q.artistRepeats) | \(format(q.meanSimilarity, 3)) | \(format(row.sum, 3)) |")
            }
        }
        print("\(result.seeds) sets of \(Int(saturating: minutes)) minutes, energy \(energy), key rule \(rules.keyRule.rawValue); means per set")
        table(result.rows)
        print("\nThe \(result.completeSeeds) of \(result.seeds) seeds from which every planner filled at least 90 % of the time")
        if result.completeRows.isEmpty { print("(none)") } else { table(result.completeRows) }
    }
}

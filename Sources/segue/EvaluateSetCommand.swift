import ArgumentParser
import Foundation
import SegueCore

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

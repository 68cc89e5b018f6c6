import ArgumentParser
import Foundation
import SegueCore
import SegueTools

struct SynthCatalogueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth-catalogue",
        abstract: "Fill a library with a generated catalogue without audio (tags, analyses, features, ALS factors) for scale work.",
        discussion: "Tracks belong to DJ scenes (style, tempo centre, energy, artists, labels, timbre and taste); 30 % have no ALS "
            + "factors (cold start). The content space and the track graph are built as `segue train` would.")

    @OptionGroup var library: LibraryOption
    @Option(help: "Tracks to generate.") var tracks: Int = 10_000
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Share of tracks with no ALS factors (0…1).") var coldShare: Double = 0.3
    @Option(help: "Worker threads for the graph (default: all cores).") var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        let report = try library.open().synthesizeCatalogue(tracks: tracks, seed: seed, coldShare: coldShare, threads: threads,
                                                             progress: ProgressPrinter().handler)
        print("Synthetic catalogue: \(report.tracks) tracks (\(report.tracksWithFactors) with ALS factors), content space "
              + "\(report.contentModel), graph of \(report.edges) edges")
        print(String(format: "Seconds: generate and store %.1f, content space %.1f, graph %.1f", report.storeSeconds,
                     report.contentSeconds, report.graphSeconds))
    }
}

struct BenchPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-plan",
        abstract: "Time set and bridge planning on a library's graph (loaded once), from random seeds and pairs.")

    @OptionGroup var library: LibraryOption
    @Option(help: "Sets to plan.") var sets: Int = 50
    @Option(help: "Bridges to plan.") var bridges: Int = 50
    @Option(help: "Minutes per set.") var setMinutes: Double = 60
    @Option(help: "Minutes per bridge.") var bridgeMinutes: Double = 20
    @Option(help: "Small random graphs on which to compare bridges with the exhaustive optimum (0: none).") var smallGraphs: Int = 0

    func run() throws {
        if smallGraphs > 0 {
            let small = try SmallGraphBridgeBenchmark.run(graphs: smallGraphs)
            let excess = small.excess.sorted()
            print("small graphs (\(smallGraphs) × 10 tracks, 3 rule sets, 3 pairs each): a bridge exists for \(small.existing) of \(small.pairs) "
                  + "pairs, A* found \(small.found); cost over the exhaustive optimum: "
                  + String(format: "optimal %d, mean +%.2f %%, p90 +%.2f %%, max +%.2f %%", excess.filter { $0 < 1e-9 }.count,
                           100 * excess.reduce(0, +) / Double(max(1, excess.count)), 100 * PlanningBenchmark.quantile(excess, 0.9),
                           100 * (excess.last ?? 0)))
            guard sets > 0 || bridges > 0 else { return }
        }
        let result = try library.open().benchmarkPlanning(sets: sets, bridges: bridges, setMinutes: setMinutes, bridgeMinutes: bridgeMinutes)
        print("Graph: \(result.tracks) tracks, \(result.edges) edges, loaded in " + String(format: "%.2f s", result.loadSeconds))
        for (name, times, failures) in [("set (\(Int(saturating: setMinutes)) min)", result.setMilliseconds, result.setFailures),
                                        ("bridge (\(Int(saturating: bridgeMinutes)) min)", result.bridgeMilliseconds, result.bridgeFailures)] {
            print("\(name): " + String(format: "p50 %.1f ms, p90 %.1f ms, max %.1f ms", PlanningBenchmark.quantile(times, 0.5),
                                       PlanningBenchmark.quantile(times, 0.9), times.max() ?? 0)
                  + ", \(times.count) planned, \(failures) without an answer")
        }
        print("bridge pairs: \(bridges), a bridge exists at some length for \(result.bridgesExisting) (exact reachability); answered "
              + "\(result.bridgesAtAskedLength) at the asked length, \(result.bridgesAtNearestLength) at the nearest length, "
              + "\(result.bridgeFailures) missed")
        for miss in result.missedBridges { print("  missed \(miss)") }
        print("no bridge at any length: \(result.noBridgeMilliseconds.count) pairs answered in "
              + String(format: "p50 %.1f ms, p90 %.1f ms", PlanningBenchmark.quantile(result.noBridgeMilliseconds, 0.5),
                       PlanningBenchmark.quantile(result.noBridgeMilliseconds, 0.9)))
        print("Peak memory: \(PeakMemory.megabytes()) MB")
    }
}

struct BenchGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-graph",
        abstract: "Time the track graph's build on a library's tracks (nothing is stored) and check its recall on a sample.",
        discussion: "Recall is the share of each sampled track's true best successors (every track scored, inside the tempo "
            + "windows) that the build keeps.")

    @OptionGroup var library: LibraryOption
    @Option(help: "Successors per track.") var neighbors: Int = 24
    @Option(help: "Sources checked against the scan of every track.") var sample: Int = 200
    @Option(help: "Worker threads (default: all cores).") var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        let result = try library.open().benchmarkGraph(neighbors: neighbors, sample: sample, threads: threads)
        print("Graph of \(result.tracks) tracks × \(result.neighbors) successors: nodes read in "
              + String(format: "%.1f s, successors built in %.1f s on %d threads", result.loadSeconds, result.buildSeconds, threads))
        print("Recall@\(result.neighbors) on \(result.sampled) sampled tracks against scoring every track: "
              + String(format: "%.4f (reference scan %.1f ms per track)", result.recall, result.referenceMillisecondsPerSource))
        print("Peak memory: \(PeakMemory.megabytes()) MB")
    }
}

/// Peak resident memory of this process (VmHWM in /proc/self/status), in MB.
enum PeakMemory {
    static func megabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes / 1024
    }
}

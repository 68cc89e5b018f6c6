import ArgumentParser
import Foundation
import SegueCore
import SegueTools

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Synthesise a demo library and tracklists, then scan, train, plan a one-hour set and a bridge, and export them.")

    @Option(help: "Folder for the demo library, audio and exports.")
    var dir: String = "segue-demo"

    @Option(help: "Number of demo tracks (at least 8).")
    var tracks: Int = 64

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        let start = Date()
        var options = Segue.DemoOptions()
        options.trackCount = tracks
        options.jobs = jobs
        let report = try Segue.runDemo(directory: dir, options: options, progress: ProgressPrinter().handler)
        Console.say("One-hour set from \(report.set.seed) (energy: rise)\n")
        Console.say(SetTable.render(report.set))
        Console.say("\nTransitions:\n" + SetTable.explanations(report.set))
        Console.say("\n20-minute bridge: \(report.bridge.tracks.first!.artist) – \(report.bridge.tracks.first!.title) → "
              + "\(report.bridge.tracks.last!.artist) – \(report.bridge.tracks.last!.title)\n")
        Console.say(SetTable.render(report.bridge))
        Console.say("\nLibrary: \(report.libraryPath)")
        Console.say("Scan: \(report.scan.analysed) analysed, \(report.scan.unchanged) unchanged, \(report.scan.failures.count) unreadable"
              + (report.scan.wallSeconds > 0 && report.scan.analysed > 0
                 ? String(format: "; %.0f× realtime per core", report.scan.audioSeconds / report.scan.wallSeconds / Double(jobs)) : ""))
        Console.say("Tracklists: \(report.imported.tracklists) sets, \(report.imported.matched) entries matched, \(report.imported.unmatched) unmatched")
        Console.say("Model: ALS factors for \(report.trained.tracksWithFactors) tracks, content space \(report.trained.contentModel), graph of \(report.trained.edges) edges")
        Console.say("Files:")
        for file in report.files { Console.say("  \(file)") }
        Console.say("Timings: " + report.timings.map { "\($0.stage) " + String(format: "%.1f s", $0.seconds) }.joined(separator: ", ")
              + String(format: "; total %.1f s", Date().timeIntervalSince(start)))
    }
}

import ArgumentParser
import Foundation
import SegueCore

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Analyse audio files into the library (incremental and resumable).",
        discussion: "Unchanged files are skipped; each analysed file is saved at once, so an interrupted scan loses nothing finished. Unreadable files, and entries that are not regular files (named pipes, devices), are named on stderr and skipped; paths are stored in canonical form (links resolved), and a moved or renamed file keeps its track.")

    @Argument(help: "Folders or files to scan.")
    var paths: [String]

    @OptionGroup var library: LibraryOption

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Report tempi only within LOW-HIGH BPM (e.g. 88-175; it must hold an octave) and analyse every file found again with it: the fallback for a crate whose tempo octave comes out wrong.")
    var bpmRange: BPMRangeArgument?

    func run() throws {
        let segue = try library.open()
        let report = try segue.scan(paths, jobs: jobs, bpmRange: bpmRange?.range, progress: ProgressPrinter().handler)
        let speed = report.wallSeconds > 0 ? report.audioSeconds / report.wallSeconds : 0
        Console.say("\(report.found) audio files: \(report.summary)"
              + String(format: " (%.1f s, %.0f× realtime)", report.wallSeconds, speed))
        if report.analysed == 0 && report.unchanged == 0 && report.found > 0 { throw ExitCode(1) }
    }
}

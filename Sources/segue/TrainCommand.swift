import ArgumentParser
import Foundation
import SegueCore
import SetGraph
import Recommender

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Learn ALS factors from the tracklists, the content model from the analyses, and rebuild the track graph.")

    @OptionGroup var library: LibraryOption

    @Option(help: "Latent factors.") var factors: Int = 32
    @Option(help: "Regularisation λ.") var regularization: Float = 0.1
    @Option(help: "Confidence scale α.") var alpha: Float = 10
    @Option(help: "ALS iterations.") var iterations: Int = 15
    @Option(help: "Worker threads (default: all cores).") var threads: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Successors kept per track in the graph.") var neighbors: Int = 24
    @Option(help: "Who fits ALS: segue (built in) or spark (Spark MLlib through pyspark; needs Python with pyspark and Java 17+).")
    var engine: String = "segue"
    @Option(help: "Spark master URL for --engine spark: local[*] (this machine) or a cluster's, e.g. spark://host:7077.")
    var master: String = "local[*]"
    @Option(help: "Python interpreter with pyspark for --engine spark (default $SEGUE_PYTHON or python3).")
    var python: String?
    @Option(help: "Spark driver memory for --engine spark.") var sparkDriverMemory: String = "2g"

    func run() throws {
        let trainingEngine: TrainingEngine
        switch engine {
        case "segue", "native": trainingEngine = .native
        case "spark": trainingEngine = .spark(SparkOptions(master: master, python: python, driverMemory: sparkDriverMemory))
        default: throw ValidationError("unknown engine '\(engine)': use segue or spark")
        }
        let options = TrainingOptions(als: try ALSConfiguration(factors: factors, regularization: regularization, alpha: alpha,
                                                                iterations: iterations, threads: threads), neighbors: neighbors,
                                      engine: trainingEngine)
        let report = try library.open().train(options: options, progress: ProgressPrinter().handler)
        Console.say("Trained on \(report.tracklists) tracklists: ALS (\(report.engine)) factors for \(report.tracksWithFactors) tracks"
              + String(format: " (%.2f s)", report.alsSeconds) + ", content vectors for \(report.tracksWithContent), "
              + "graph of \(report.edges) edges")
        Console.say(Self.contentSummary(report))
    }

    /// The content space and, when measured, the cold-start table.
    static func contentSummary(_ report: TrainReport) -> String {
        var lines: [String] = []
        if let note = report.contentModelNote { lines.append("Content space: " + note) }
        if let fit = report.embedding {
            lines.append("Content space: audio features mapped into the ALS space by the \(fit.chosen.rawValue) model, chosen on \(fit.validationRows) validation tracks "
                         + String(format: "(recall@10: ridge %.3f with λ %g, network %.3f after %d epochs; cosine: ridge %.3f, network %.3f)",
                                  fit.validationRecall[.ridge] ?? .nan, fit.ridgeRegularization, fit.validationRecall[.network] ?? .nan,
                                  fit.networkEpochs, fit.validationCosine[.ridge] ?? .nan, fit.validationCosine[.network] ?? .nan))
        }
        if let check = report.coldStart {
            lines.append("Cold start: \(check.heldOut) tracks held out of \(check.heldOut + check.catalogue); recall@\(check.neighbours) of their true ALS neighbours among \(check.catalogue) tracks")
            lines.append("| method | recall@\(check.neighbours) |")
            lines.append("|---|---|")
            for entry in check.recall { lines.append("| \(entry.method) | " + String(format: "%.3f", entry.value) + " |") }
        }
        return lines.joined(separator: "\n")
    }
}

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "graph", abstract: "Rebuild the k-nearest track graph from the stored analyses and factors.")

    @OptionGroup var library: LibraryOption
    @Option(help: "Successors kept per track.") var neighbors: Int = 24
    @Option(help: "Transition weights, e.g. als=0.25,content=0.2,bpm=0.2,key=0.3,energy=0.05 (kept for later plans; default: the stored ones).")
    var weights: String?

    func run() throws {
        let parsed: TransitionWeights?
        do { parsed = try weights.map(TransitionWeights.init(parsing:)) } catch { throw ValidationError(error.description) }
        let edges = try library.open().buildGraph(neighbors: neighbors, weights: parsed, progress: ProgressPrinter().handler)
        Console.say("Graph rebuilt: \(edges) edges")
    }
}

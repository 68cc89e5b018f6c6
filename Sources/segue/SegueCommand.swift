import ArgumentParser
import SegueCore

/// The `segue` command line: a DJ set builder.
@main
struct SegueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segue",
        abstract: "Segue builds DJ sets that flow: it analyses your music, learns from DJ tracklists and plans sets and bridges.",
        subcommands: [DemoCommand.self, ScanCommand.self, AnalyzeCommand.self, ImportTracklistsCommand.self, TrainCommand.self,
                      GraphCommand.self, ALSCommand.self, SetCommand.self, BridgeCommand.self, ExportCommand.self,
                      SearchCommand.self, SimilarCommand.self, TrackCommand.self, ServeCommand.self, SynthCommand.self, SynthCatalogueCommand.self, EvaluateSetCommand.self, BenchQualityCommand.self,
                      BenchPlanCommand.self, BenchGraphCommand.self, RenderCommand.self, SetsCommand.self])
}

/// The `--library` option shared by commands that use a library.
struct LibraryOption: ParsableArguments {
    @Option(name: .long, help: "The library file (default $SEGUE_LIBRARY or ~/.segue/library.sqlite).")
    var library: String?

    /// Opens the library.
    func open() throws -> Segue { try Segue(libraryPath: library ?? Segue.defaultLibraryPath) }
}

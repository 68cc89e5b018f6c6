import ArgumentParser
import SegueCore

struct ImportTracklistsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-tracklists",
        abstract: "Import DJ-set tracklists (.csv: set_id,position,artist,title; .txt: one 'Artist - Title' per line, MixesDB style) and match them to library tracks.",
        discussion: "A file with a bad row is rejected whole, with the file and line named; re-importing a file replaces its sets.")

    @Argument(help: "Tracklist files (.csv or .txt).")
    var files: [String]

    @OptionGroup var library: LibraryOption

    func run() throws {
        let report = try library.open().importTracklists(files: files)
        print("\(report.tracklists) tracklists: \(report.matched) entries matched to library tracks"
              + (report.fuzzy > 0 ? " (\(report.fuzzy) fuzzily)" : "") + ", "
              + "\(report.unmatched) unmatched (kept as catalogue-only tracks"
              + (report.ambiguous > 0 ? "; \(report.ambiguous) of them ambiguous" : "") + ")"
              + (report.unknown > 0 ? ", \(report.unknown) unknown entries skipped" : ""))
        for example in report.ambiguousExamples { print("  ambiguous: \(example)") }
    }
}

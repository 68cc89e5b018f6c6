import ArgumentParser
import SegueCore

struct ImportTracklistsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-tracklists",
        abstract: "Import DJ-set tracklists and DJ software playlists and history, and match them to library tracks.",
        discussion: """
        Reads .csv (set_id,position,artist,title, a Segue set table, or a Spotify playlist exported by Exportify: its \
        tempo, key and energy are kept beside the matched tracks' own analysis), .txt (one 'Artist - Title' per line, MixesDB style), \
        .m3u/.m3u8, rekordbox .xml and Traktor .nml (every playlist and history list), Serato .crate (paths relative to the \
        drive holding _Serato_), .xspf and Segue set documents (.json). A file with a bad row is rejected whole, with the \
        file and line named; re-importing a file replaces its sets.
        """)

    @Argument(help: "Tracklist or playlist files.")
    var files: [String]

    @OptionGroup var library: LibraryOption

    func run() throws {
        let report = try library.open().importTracklists(files: files)
        Console.say("\(report.tracklists) tracklists: \(report.matched) entries matched to library tracks"
              + (report.fuzzy > 0 ? " (\(report.fuzzy) fuzzily)" : "") + ", "
              + "\(report.unmatched) unmatched (kept as catalogue-only tracks"
              + (report.ambiguous > 0 ? "; \(report.ambiguous) of them ambiguous" : "") + ")"
              + (report.unknown > 0 ? ", \(report.unknown) unknown entries skipped" : "")
              + (report.serviceFeatures > 0 ? "; Spotify's tempo, key and energy kept for \(report.serviceFeatures) of them" : ""))
        for example in report.ambiguousExamples { Console.say("  ambiguous: \(example)") }
    }
}

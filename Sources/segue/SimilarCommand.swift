import ArgumentParser
import Foundation
import SegueCore

extension NeighbourRanking: ExpressibleByArgument {}

/// `segue similar`: the tracks most like one track, with their scores.
struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "List the tracks most similar to one track, by ALS (played together), content (sounds alike) or both.",
        discussion: "Run `segue train` first so that ALS and content vectors exist. Scores are 0…1; the columns show every component.")

    @Argument(help: "The track: id, file path or 'Artist - Title'.") var query: String
    @Option(help: "als, content or combined (the planner's transition score).") var by: NeighbourRanking = .combined
    @Option(help: "Maximum results (1…500).") var limit: Int = 10
    @OptionGroup var library: LibraryOption

    func run() throws {
        let results = try library.open().similarTracks(to: query, by: by, limit: limit)
        print("   id  score    als  content  bpm   key   energy  BPM     key            track")
        for item in results {
            let c = item.components
            let key = "\(item.track.camelot) \(item.track.key?.name ?? "–")".padding(toLength: 14, withPad: " ", startingAt: 0)
            print(String(format: "%5lld  %.3f  %.3f  %.3f  %.2f  %.2f  %.2f   %6.2f  ", item.track.id.rawValue, item.score, c.als, c.content,
                         c.bpm, c.key, c.energy, item.track.bpm) + key + " \(item.track.artist) – \(item.track.title)")
        }
        if results.isEmpty { print("no other analysed track") }
    }
}

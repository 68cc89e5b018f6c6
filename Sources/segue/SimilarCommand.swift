import ArgumentParser
import Foundation
import SegueCore

extension NeighbourRanking: ExpressibleByArgument {}

/// `segue similar`: the tracks most like one track, with their scores.
struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "List the tracks most similar to one track, by ALS (played together), content (sounds alike) or both.",
        discussion: """
            Run `segue train` first so that ALS and content vectors exist. Scores are 0…1; the columns show every component. \
            Same key, ±3 BPM, another genre: --key same --bpm-tolerance 2.5 --genre other.
            """)

    @Argument(help: "The track: id, file path or 'Artist - Title'.") var query: String
    @Option(help: "als, content or combined (the planner's transition score).") var by: NeighbourRanking = .combined
    @Option(help: "Maximum results (1…500).") var limit: Int = 10
    @Option(help: "Key of the results: any, same (the track's key) or compatible (same, ±1 on the Camelot wheel, relative).")
    var key: String = "any"
    @Option(help: "Largest tempo distance from the track, percent, half and double time counted (e.g. 2.5 ≈ ±3 BPM at 120).")
    var bpmTolerance: String?
    @Option(help: "Genre of the results: any, same or other (than the track's genre tag).") var genre: String = "any"
    @Option(help: "Energy of the results: MIN-MAX or one level, 1–10.") var energy: String?
    @OptionGroup var library: LibraryOption

    func run() throws {
        let filter = try SimilarFilter(key: key, bpmTolerance: bpmTolerance, genre: genre, energy: energy)
        let results = try library.open().similarTracks(to: query, by: by, limit: limit, filter: filter)
        Console.say("   id  score    als  content  bpm   key   energy  BPM     key            track")
        for item in results {
            let c = item.components
            let key = "\(item.track.camelot) \(item.track.key?.name ?? "–")".padding(toLength: 14, withPad: " ", startingAt: 0)
            Console.say(String(format: "%5lld  %.3f  %.3f  %.3f  %.2f  %.2f  %.2f   %6.2f  ", item.track.id.rawValue, item.score, c.als, c.content,
                         c.bpm, c.key, c.energy, item.track.bpm) + key + " \(item.track.artist) – \(item.track.title)")
        }
        if results.isEmpty { Console.say(filter.isOpen ? "no other analysed track" : "no other analysed track passes the filters") }
    }
}

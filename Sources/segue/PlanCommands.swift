import ArgumentParser
import Foundation
import SegueCore
import PlaylistFormats
import SetGraph
import DJModel

extension EnergyArc: ExpressibleByArgument {}
extension KeyMoveRule: ExpressibleByArgument {}

/// Parses `--energy`: a preset name or position:energy pairs.
func parseEnergy(_ text: String) throws -> EnergyCurve {
    do { return try EnergyCurve(parsing: text) } catch { throw ValidationError(error.description) }
}

/// The rule options shared by `set` and `bridge`.
struct PlanRuleOptions: ParsableArguments {
    @Option(help: "Allowed key moves: any, strict (same, ±1, relative), mixxx (six keys), energy-boost (strict, +2, +7).")
    var keyRule: KeyMoveRule = .any
    @Flag(help: "Plan for decks without key lock: tempo changes shift keys (±6 % ≈ one semitone).") var noKeyLock = false
    @Flag(help: "Forbid half/double-time transitions (e.g. 87 ↔ 174 BPM).") var noHalfDoubleTime = false
    @Option(help: "Largest tempo change per transition, percent.") var maxStep: Double = 8
    @Option(help: "Largest tempo distance from the seed, percent.") var maxDrift: Double = 10
    @Option(help: "No artist twice within this many tracks (0: off).") var artistSpacing: Int = 3
    @Option(help: "No album/label twice within this many tracks (0: off).") var albumSpacing: Int = 0
    @Option(help: "Never play this track (id, path or 'artist - title'; repeatable).") var exclude: [String] = []
    @Option(help: "Never play tracks whose genre, album/label or comment contains this word (repeatable).") var excludeTag: [String] = []
    @Option(help: "Only play tracks whose genre, album/label or comment contains this word (repeatable).") var includeTag: [String] = []

    var rules: PlanRules {
        PlanRules(keyRule: keyRule, keyLock: !noKeyLock, halfDoubleTime: !noHalfDoubleTime, maxStepPercent: maxStep,
                  maxDriftPercent: maxDrift, artistSpacing: artistSpacing, albumSpacing: albumSpacing, exclude: exclude,
                  excludeTags: excludeTag, includeTags: includeTag.isEmpty ? nil : includeTag)
    }
}

/// Output options shared by `set` and `bridge`.
struct PlanOutputOptions: ParsableArguments {
    @Option(help: "Export format: m3u8, json, csv, rekordbox, traktor, serato, xspf (default: from --out, else json).")
    var format: String?

    @Option(help: "Write the set here (the table still goes to the terminal). Serato: the drive root, or a .crate file.")
    var out: String?

    @OptionGroup var exportOptions: ExportOptionGroup

    /// Prints the set and writes or prints the export.
    func emit(_ set: DJSet) throws {
        if let note = set.note { Console.warn("note: \(note)\n") }
        let formatName = format ?? out.map { ($0 as NSString).pathExtension }.flatMap { $0.isEmpty ? nil : $0 } ?? "json"
        let chosen = try SetFormat(name: formatName)
        if exportOptions.writeTags && out == nil { throw ValidationError("--write-tags needs --out (the crate is written with the cues)") }
        if let out {
            try exportOptions.checkWriteTags(format: chosen)
            let written = try Segue.export(set, format: chosen, to: out, options: try exportOptions.options())
            Console.say(SetTable.render(set))
            Console.say("\nTransitions:\n" + SetTable.explanations(set))
            Console.say("\nWrote \(written)")
            exportOptions.writeTagsIfAsked(set)
        } else if format != nil {
            FileHandle.standardOutput.write(try Segue.export(set, format: chosen, options: try exportOptions.options()))
        } else {
            Console.say(SetTable.render(set))
            Console.say("\nTransitions:\n" + SetTable.explanations(set))
        }
        if out != nil || format == nil {
            for (index, alternative) in (set.alternatives ?? []).enumerated() {
                Console.say("\nAlternative \(index + 1):\n" + SetTable.render(alternative))
            }
        }
    }
}

struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Plan a set of N minutes from a seed track (beam search).")

    @Option(help: "Seed: a track id, a path, 'artist - title', or a playlist file (the set continues from its last library track).") var seed: String
    @Option(help: "Length in minutes.") var minutes: Double = 60
    @Option(help: "Energy arc: flat, rise, peak, wave, or a custom curve of position:energy pairs, e.g. 0:4,0.7:8,1:6.")
    var energy: String = "flat"
    @Option(help: "Beam width.") var beamWidth: Int = 64
    @Option(help: "Pin a track at a position (1 = right after the seed): POSITION=TRACK (repeatable).") var pin: [String] = []
    @Option(help: "Also show up to N−1 distinct alternative sets (1…10).") var alternatives: Int = 1
    @OptionGroup var rules: PlanRuleOptions
    @OptionGroup var output: PlanOutputOptions
    @OptionGroup var library: LibraryOption

    func run() throws {
        var pins: [Int: String] = [:]
        for entry in pin {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let position = Int(parts[0]), position >= 1 else {
                throw ValidationError("--pin needs POSITION=TRACK with a position of 1 or more, got \(entry)")
            }
            pins[position] = parts[1]
        }
        let request = SetRequest(seed: seed, minutes: minutes, energy: try parseEnergy(energy), beamWidth: beamWidth,
                                 rules: rules.rules, pins: pins.isEmpty ? nil : pins, alternatives: alternatives)
        try output.emit(try library.open().planSet(request))
    }
}

struct BridgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bridge", abstract: "Fill the gap between two tracks with N minutes of music (A*).")

    @Option(help: "First track: an id, a path, or 'artist - title'.") var from: String
    @Option(help: "Last track.") var to: String
    @Option(help: "Minutes of music between them.") var minutes: Double = 20
    @Option(help: "Allowed deviation, minutes.") var tolerance: Double = 2.5
    @Option(help: "Also show up to N−1 distinct alternative bridges (1…10).") var alternatives: Int = 1
    @OptionGroup var rules: PlanRuleOptions
    @OptionGroup var output: PlanOutputOptions
    @OptionGroup var library: LibraryOption

    func run() throws {
        let request = BridgeRequest(from: from, to: to, minutes: minutes, toleranceMinutes: tolerance, rules: rules.rules,
                                    alternatives: alternatives)
        try output.emit(try library.open().planBridge(request))
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write a set document (JSON) in another format.",
                                                    discussion: """
        Formats: m3u8, json, csv, rekordbox (XML), traktor (NML), serato (crate), xspf. For serato, --out is the root \
        of the drive the music is on (the crate goes to OUT/_Serato_/Subcrates/NAME.crate) or a .crate file.
        """)

    @Argument(help: "A set document written by `segue set --format json`.") var setDocument: String
    @Option(help: "Export format.") var format: String
    @Option(help: "Output file (Serato: the drive root, or a .crate file).") var out: String
    @OptionGroup var exportOptions: ExportOptionGroup

    func run() throws {
        let set = try Segue.readSetDocument(at: setDocument)
        let chosen = try SetFormat(name: format)
        try exportOptions.checkWriteTags(format: chosen)
        let written = try Segue.export(set, format: chosen, to: out, options: try exportOptions.options())
        Console.say("Wrote \(written)")
        exportOptions.writeTagsIfAsked(set)
    }
}

/// Export options shared by `set`, `bridge` and `export`.
struct ExportOptionGroup: ParsableArguments {
    @Option(help: "Rewrite path prefixes for another machine, FROM=TO (repeatable; e.g. /home/dj/Music=D:/Music).")
    var pathPrefix: [String] = []
    @Option(help: "Playlist or crate name (default: Segue set from SEED).") var playlistName: String?
    @Option(help: "Traktor: name of the system volume for absolute paths (default: Macintosh HD).") var volume: String = "Macintosh HD"
    @Option(help: "Serato: the drive root the crate paths are relative to (default: the path's drive, /Volumes/NAME, or /).")
    var volumeRoot: String?
    @Flag(help: """
        Serato: also write each track's cues (load, mix in, mix out, drop) into its audio file as Serato hot cues \
        (MP3, AIFF, WAV, FLAC). This changes your audio files' tags; without this flag Segue never writes into them.
        """)
    var writeTags = false

    /// Refuses `--write-tags` with a format other than Serato's.
    func checkWriteTags(format: SetFormat) throws {
        guard writeTags, format != .serato else { return }
        throw ValidationError("--write-tags writes Serato's cues into the audio files; use it with --format serato")
    }

    /// With `--write-tags`, writes the set's cues into its files and names every file skipped.
    func writeTagsIfAsked(_ set: DJSet) {
        guard writeTags else { return }
        let outcomes = Segue.writeSeratoCues(set)
        let written = outcomes.filter { $0.status == .written }
        Console.say("Serato cues written into \(written.count) of \(outcomes.count) files")
        for outcome in written { Console.say("  \(outcome.path): \(outcome.detail)") }
        for outcome in outcomes where outcome.status == .skipped {
            Console.warn("skipped \(outcome.path): \(outcome.detail)\n")
        }
    }

    /// The options for the exporters.
    func options() throws -> ExportOptions {
        ExportOptions(pathMapping: try PathMapping(parsing: pathPrefix), playlistName: playlistName, systemVolume: volume, volumeRoot: volumeRoot)
    }
}

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Find analysed tracks by artist, title, album, genre or path.")

    @Argument(help: "Words to look for (all must match).") var words: [String] = []
    @Option(help: "Maximum results.") var limit: Int = 20
    @OptionGroup var library: LibraryOption

    func run() throws {
        let (tracks, total) = try library.open().search(words.joined(separator: " "), limit: limit)
        for track in tracks {
            let a = track.analysis!
            let key = "\(a.key.camelot) \(a.key.name)"
            Console.say(String(format: "%6lld  %6.2f BPM  ", track.id.rawValue, a.tempo.bpm) + key.padding(toLength: 14, withPad: " ", startingAt: 0)
                  + String(format: " E%-2d  ", a.energy) + track.metadata.displayName)
        }
        Console.say("\(total) tracks match")
    }
}

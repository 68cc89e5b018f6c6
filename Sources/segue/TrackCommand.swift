import ArgumentParser
import DJModel
import Foundation
import SegueCore

/// `segue track`: shows one track's analysis and corrects it by hand (tempo, grid, bar 1, key),
/// as a DJ does in any DJ program's grid editor. Corrections are kept apart from the analysis:
/// no rescan overwrites them.
struct TrackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "track",
        abstract: "Show a track's tempo, grid and key, and correct them by hand (kept through every rescan).",
        discussion: """
            Without options, prints the track. Corrections: --tempo-times 2 (or 0.5, 1.5, 0.667) or --bpm 174; \
            --shift-ms 12 or --shift-beats 0.5 (moves the grid later; negative is earlier); --downbeat 1.97 \
            ("bar 1 is here", seconds); --key 8A (or "A minor", Am, 1m). --clear bpm,grid,downbeat,key or --clear all \
            removes corrections. The graph, plans, renders and exports use them at once.
            """)

    @Argument(help: "The track: id, file path or 'Artist - Title'.") var query: String
    @Option(help: "Set the tempo, BPM.") var bpm: Double?
    @Option(help: "Multiply the tempo: 2, 0.5, 1.5 or 0.667 (×2, ÷2, ×3/2, ×2/3).") var tempoTimes: Double?
    @Option(help: "Move the beat grid later by this many milliseconds (negative: earlier).") var shiftMs: Double?
    @Option(help: "Move the beat grid later by this many beats, e.g. 0.5 or 1 (negative: earlier).") var shiftBeats: Double?
    @Option(help: "Bar 1 is here: a downbeat, seconds from the start of the file.") var downbeat: Double?
    @Option(help: "Set the key: 8A, 1m, A minor, F#m…") var key: String?
    @Option(help: "Remove corrections: any of bpm, grid, downbeat, key, or all (comma-separated).") var clear: String?
    @Flag(help: "Print the track as JSON (the API's GET /tracks/{id}).") var json = false
    @OptionGroup var library: LibraryOption

    func run() throws {
        let core = try library.open()
        let track = try core.resolveTrack(query)
        let patch = try self.patch(for: track)
        let detail = patch == TrackOverridePatch() ? try core.trackDetail(id: track.id.rawValue)
            : try core.updateOverrides(id: track.id.rawValue, with: patch)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(detail), as: UTF8.self))
        } else {
            Console.say(Self.describe(detail))
        }
    }

    /// The change the options ask for, from the track's current (corrected) grid.
    func patch(for track: Track) throws -> TrackOverridePatch {
        guard let analysis = track.analysis else { throw ValidationError("track \(track.id) is not analysed") }
        var patch = TrackOverridePatch()
        if bpm != nil && tempoTimes != nil { throw ValidationError("give --bpm or --tempo-times, not both") }
        if let bpm { patch.bpm = .set(bpm) }
        if let tempoTimes {
            guard tempoTimes.isFinite, tempoTimes > 0 else { throw ValidationError("--tempo-times must be a positive number, e.g. 2 or 0.5") }
            patch.bpm = .set((analysis.tempo.bpm * tempoTimes * 100).rounded() / 100)
        }
        if let value = patch.bpm.value, !TrackOverrides.bpmRange.contains(value) {
            throw ValidationError(String(format: "the tempo must be %.0f…%.0f BPM, got %.2f", TrackOverrides.bpmRange.lowerBound, TrackOverrides.bpmRange.upperBound, value))
        }
        let beat = 60 / (patch.bpm.value ?? analysis.tempo.bpm)
        let shift = (shiftMs ?? 0) / 1000 + (shiftBeats ?? 0) * beat
        guard shift.isFinite else { throw ValidationError("the shift must be a finite number") }
        if shift != 0 {
            // Moves the grid and the bar with it.
            patch.firstBeat = .set((analysis.tempo.firstBeat + shift).wrapped(into: beat))
            if let bar = analysis.structure?.downbeat { patch.downbeat = .set((bar + shift).wrapped(into: 4 * beat)) }
        }
        if let downbeat {
            guard downbeat.isFinite, downbeat >= 0, downbeat < analysis.duration else {
                throw ValidationError(String(format: "--downbeat must be within the track (0…%.2f s)", analysis.duration))
            }
            patch.downbeat = .set(downbeat)
            if shift == 0 { patch.firstBeat = .set(downbeat.wrapped(into: beat)) }
        }
        if let key {
            guard let parsed = MusicalKey(parsing: key) else { throw ValidationError("unknown key '\(key)'; use e.g. 8A, 1m, A minor or F#m") }
            patch.key = .set(parsed)
        }
        for field in (clear ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !field.isEmpty {
            switch field {
            case "bpm", "tempo": patch.bpm = .remove
            case "grid": patch.firstBeat = .remove
            case "downbeat", "bar": patch.downbeat = .remove
            case "key": patch.key = .remove
            case "all": patch = TrackOverridePatch(bpm: .remove, firstBeat: .remove, downbeat: .remove, key: .remove)
            default: throw ValidationError("--clear takes bpm, grid, downbeat, key or all, got '\(field)'")
            }
        }
        return patch
    }

    /// The track's grid and key in a few lines, the DJ's corrections marked.
    static func describe(_ detail: TrackDetail) -> String {
        let track = detail.track
        var lines = ["\(track.id.rawValue)  \(track.artist) – \(track.title)"]
        let tempo = String(format: "tempo      %.2f BPM (confidence %.2f%@)", detail.bpm, detail.tempoConfidence, detail.tempoVariable ? ", variable" : "")
        lines.append(tempo)
        lines.append(String(format: "first beat %.3f s", detail.firstBeat) + (detail.structure.map { String(format: "   bar 1 at %.3f s", $0.downbeat) } ?? ""))
        lines.append("key        \(detail.camelot) \(detail.key)")
        if let overrides = detail.overrides {
            var set: [String] = []
            if let bpm = overrides.bpm { set.append(String(format: "tempo %.2f", bpm)) }
            if let beat = overrides.firstBeat { set.append(String(format: "grid %.3f s", beat)) }
            if let bar = overrides.downbeat { set.append(String(format: "bar 1 %.3f s", bar)) }
            if let key = overrides.key { set.append("key \(key.camelot)") }
            lines.append("corrected  " + set.joined(separator: ", ")
                + (overrides.needsReview ? " — NOT APPLIED: the file changed since; set them again or --clear all" : ""))
            if let measured = detail.measured {
                lines.append(String(format: "measured   %.2f BPM, first beat %.3f s, ", measured.bpm, measured.firstBeat)
                    + (measured.downbeat.map { String(format: "bar 1 %.3f s, ", $0) } ?? "") + "\(measured.camelot) \(measured.key)")
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension TrackOverridePatch.Change {
    /// The value set, if this change sets one.
    var value: Value? { if case .set(let value) = self { value } else { nil } }
}
